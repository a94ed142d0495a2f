import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { securityHeaders } from '#config/headers'

/**
 * The security headers of every response (config/headers.ts). It is server
 * middleware placed before the static file server, which copies them onto
 * the files it sends; error pages keep them because the exception handler
 * renders into the same response. A URL that does not even decode is
 * answered before any middleware, by `onBadUrl` in config/app.ts.
 */
export default class SecurityHeadersMiddleware {
  /** The same for every response: serialized once per process. */
  static #headers: [string, string][] | undefined

  async handle(ctx: HttpContext, next: NextFn) {
    const { response } = ctx
    SecurityHeadersMiddleware.#headers ??= Object.entries(securityHeaders())
    for (const [name, value] of SecurityHeadersMiddleware.#headers) response.header(name, value)

    await next()

    // A page for one signed-in user must never come back from a shared or back/forward cache.
    if (!response.response.headersSent && isSignedIn(ctx)) {
      response.header('Cache-Control', 'no-store')
    }
  }
}

/** Signed in by this request (any guard), or carrying a signed-in session. */
function isSignedIn(ctx: HttpContext): boolean {
  if (!('auth' in ctx) || !ctx.auth) return false
  if (ctx.auth.isAuthenticated) return true
  if (!('session' in ctx) || !ctx.session) return false
  return ctx.session.has(ctx.auth.use('web').sessionKeyName)
}
