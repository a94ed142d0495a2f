import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import EditorialPolicy from '#policies/editorial_policy'

/**
 * The editorial area and its API are for editors and admins: members get
 * 403. Runs after `auth`, which sends guests to the log-in page (or answers
 * 401 on the API). Finer abilities (topics, users) are checked by their actions.
 */
export default class EditorialMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await ctx.bouncer.with(EditorialPolicy).authorize('access')
    return next()
  }
}
