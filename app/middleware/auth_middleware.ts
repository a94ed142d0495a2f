import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { applyUserLocale } from '#services/accounts/user_locale'
import { rememberIntendedUrl } from '#services/accounts/intended_url'

/**
 * Lets only signed-in users through. Pages redirect to the login page,
 * which returns there afterwards; the API answers 401 (the exception
 * handler shapes it). Pages and API messages speak the user's language.
 */
export default class AuthMiddleware {
  redirectTo = '/login'

  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[] } = {}
  ) {
    try {
      await ctx.auth.authenticateUsing(options.guards, { loginRoute: this.redirectTo })
    } catch (error) {
      rememberIntendedUrl(ctx)
      throw error
    }
    applyUserLocale(ctx)
    return next()
  }
}
