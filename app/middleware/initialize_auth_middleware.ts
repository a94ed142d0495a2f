import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { rendersViews } from '#services/json_api'
// Its types declare `ctx.auth` on HttpContext.
import type {} from '@adonisjs/auth/initialize_auth_middleware'

/**
 * The request's authenticator (`ctx.auth`), as @adonisjs/auth's own
 * initialize middleware makes it, shared with the templates of pages only:
 * the JSON API makes no view renderer.
 */
export default class InitializeAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const manager = await ctx.containerResolver.make('auth.manager')
    ctx.auth = manager.createAuthenticator(ctx)
    if (rendersViews(ctx)) ctx.view.share({ auth: ctx.auth })
    return next()
  }
}
