import { policies } from '#generated/policies'
import { Bouncer } from '@adonisjs/bouncer'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { rendersViews } from '#services/json_api'

/**
 * A Bouncer for the request, with the signed-in user (if any) and the
 * policies, shared with Edge templates (@can('VendorPolicy.edit', vendor)).
 * The policy list is generated from app/policies by codegen.
 */
export default class InitializeBouncerMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    // Every rule lives in a policy (app/policies), so there are no loose abilities.
    ctx.bouncer = new Bouncer(
      () => ctx.auth.user || null,
      undefined,
      policies
    ).setContainerResolver(ctx.containerResolver)

    if (rendersViews(ctx)) {
      ctx.view.share(ctx.bouncer.edgeHelpers)
    }
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    bouncer: Bouncer<Exclude<HttpContext['auth']['user'], undefined>, undefined, typeof policies>
  }
}
