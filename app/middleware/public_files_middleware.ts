import { readdirSync } from 'node:fs'
import { inject } from '@adonisjs/core'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import StaticMiddleware from '@adonisjs/static/static_middleware'

/** The names at the top of public/ (css, images, js), read once: the app ships them. */
let topLevel: Set<string> | undefined
function publicEntries(): Set<string> {
  try {
    topLevel ??= new Set(readdirSync(app.publicPath()).filter((name) => !name.startsWith('.')))
  } catch {
    topLevel = new Set()
  }
  return topLevel
}

/**
 * Hands a request to @adonisjs/static only when its path starts with an
 * entry of public/ (`/css/app.css`), so pages, the API and /ping cost no
 * file-system lookup. Server middleware, like the static server itself:
 * files are answered before routing, with the security headers set before.
 */
@inject()
export default class PublicFilesMiddleware {
  constructor(private files: StaticMiddleware) {}

  handle(ctx: HttpContext, next: NextFn) {
    const path = ctx.request.url()
    const end = path.indexOf('/', 1)
    const first = path.slice(1, end < 0 ? undefined : end)
    if (!publicEntries().has(first)) return next()
    return this.files.handle(ctx, next)
  }
}
