import type { HttpContext } from '@adonisjs/core/http'

/**
 * Whether a request is for the JSON API (`/api/…`): it takes JSON bodies
 * only, answers errors as `{ errors: [...] }`, and renders no view.
 */
export function isJsonApi(ctx: HttpContext): boolean {
  return ctx.request.url().startsWith('/api/')
}

/**
 * Whether a request may render Edge views, so that middleware shares what
 * templates need. Views are made per request on first use; the JSON API is
 * spared making one.
 */
export function rendersViews(ctx: HttpContext): boolean {
  return 'view' in ctx && !isJsonApi(ctx)
}
