import type { HttpContext } from '@adonisjs/core/http'

const INTENDED_URL_KEY = 'intended_url'

/** A page that needed a log-in remembers itself, so that logging in returns to it. */
export function rememberIntendedUrl(ctx: HttpContext) {
  if (ctx.request.method() !== 'GET' || !ctx.session) return
  ctx.session.put(INTENDED_URL_KEY, ctx.request.url(true))
}

/** A path on this site: `/x`, never `//host` or `/\host`, which browsers read as another origin. */
export function isLocalPath(url: unknown): url is string {
  return typeof url === 'string' && /^\/(?![\/\\])/.test(url)
}

/** The remembered page, if it is a path on this site. */
export function pullIntendedUrl(ctx: HttpContext): string | null {
  const url = ctx.session.pull(INTENDED_URL_KEY, null)
  return isLocalPath(url) ? url : null
}

/** The remembered page, left in place (sign-up carries it into the confirmation link). */
export function peekIntendedUrl(ctx: HttpContext): string | null {
  const url = ctx.session.get(INTENDED_URL_KEY, null)
  return isLocalPath(url) ? url : null
}
