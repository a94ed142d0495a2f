import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { errors as authErrors } from '@adonisjs/auth'
import { applyUserLocale } from '#services/accounts/user_locale'
import { rememberIntendedUrl } from '#services/accounts/intended_url'

/**
 * Lets only signed-in users through. Pages redirect to the login page,
 * which returns there afterwards; the API answers 401 (the exception
 * handler shapes it). Pages and API messages speak the user's language.
 */
export default class AuthMiddleware {
  get redirectTo() {
    return urlFor('auth.login')
  }

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
    if (ctx.auth.user?.isDisabled) await this.refuseDisabled(ctx)
    applyUserLocale(ctx)
    return next()
  }

  /** A disabled account loses its session (or token request) at once. */
  private async refuseDisabled(ctx: HttpContext): Promise<never> {
    const guard = ctx.auth.authenticatedViaGuard
    if (guard === 'web') await ctx.auth.use('web').logout()
    throw new authErrors.E_UNAUTHORIZED_ACCESS('Unauthorized access', {
      redirectTo: this.redirectTo,
      guardDriverName: guard === 'web' ? 'session' : 'access_tokens',
    })
  }
}
