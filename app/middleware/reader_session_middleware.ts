import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import { configProvider } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { Session } from '@adonisjs/session'
import type { SessionConfig, SessionStoreFactory } from '@adonisjs/session/types'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import { SESSION_COOKIE_NAME } from '#config/session'
import { applyUserLocale } from '#services/accounts/user_locale'

type ResolvedSessionConfig = SessionConfig & {
  store: string
  stores: Record<string, SessionStoreFactory>
}

let resolvedConfig: Promise<ResolvedSessionConfig | null> | undefined
function sessionConfig() {
  resolvedConfig ??= configProvider.resolve<ResolvedSessionConfig>(app, app.config.get('session'))
  return resolvedConfig
}

/** Whether the request carries a session cookie (signed in, or was once). */
export function hasSessionCookie(ctx: HttpContext): boolean {
  return Object.hasOwn(ctx.request.cookiesList(), SESSION_COOKIE_NAME)
}

/**
 * Reader pages. A request that carries a session cookie gets its session
 * read, *read-only*, and a silent authentication, so that a signed-in user
 * sees their account link and their own edit links. Nothing is ever written
 * back: reader pages set no cookie, for readers without one and for
 * signed-in users alike. Shield runs only for a signed-in session that
 * already holds its CSRF secret, so that the header's log-out form works.
 */
export default class ReaderSessionMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const config = hasSessionCookie(ctx) ? await sessionConfig() : null
    if (!config?.enabled) return next()

    ctx.session = new Session(config, config.stores[config.store], emitter, ctx)
    await ctx.session.initiate(true)
    if (!(await ctx.auth.check())) return next()

    // A page for this user only: SecurityHeadersMiddleware sends `no-store`.
    applyUserLocale(ctx)
    if (!ctx.session.has('csrf-secret')) return next()
    const shield = await ctx.containerResolver.make(ShieldMiddleware)
    return shield.handle(ctx, next)
  }
}
