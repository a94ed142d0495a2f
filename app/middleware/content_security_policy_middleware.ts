import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { contentSecurityPolicy, serializeCsp, type CspDirectives } from '#config/headers'

/**
 * A route's own CSP on top of the site-wide one, e.g. an embed that its
 * configured parent origins may frame:
 *
 *   router.get('/embed/:slug', ...).use(
 *     middleware.contentSecurityPolicy({ 'frame-ancestors': ['https://news.example'] })
 *   )
 *
 * The directives given replace the site-wide ones of the same name. A
 * function is asked on every request, for directives that come from
 * configuration (the embeds: config/embeds.ts).
 */
export default class ContentSecurityPolicyMiddleware {
  async handle(
    { response }: HttpContext,
    next: NextFn,
    directives: CspDirectives | (() => CspDirectives)
  ) {
    const own = typeof directives === 'function' ? directives() : directives
    const policy = { ...contentSecurityPolicy, ...own }
    response.header('Content-Security-Policy', serializeCsp(policy))
    if (policy['frame-ancestors'].join(' ') !== "'none'") response.removeHeader('X-Frame-Options')
    return next()
  }
}
