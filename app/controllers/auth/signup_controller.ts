import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AccountService from '#services/accounts/account_service'
import { afterResponse } from '#services/after_response'
import { peekIntendedUrl } from '#services/accounts/intended_url'
import { appUrl } from '#services/mail/app_url'
import { userSignupValidator } from '#validators/user_validator'
import type { Locale } from '#services/locale'

@inject()
export default class SignupController {
  constructor(private accounts: AccountService) {}

  async create({ view }: HttpContext) {
    return view.render('pages/auth/signup')
  }

  /**
   * A new, unconfirmed member; they log in by following the e-mailed link,
   * which returns to the page that sent them here (an invitation). The
   * answer is the same, and as fast, for an address that has an account:
   * the work happens after the response.
   */
  async store(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const input = await request.validateUsing(userSignupValidator)
    const origin = { baseUrl: appUrl(request), ip: request.ip(), next: peekIntendedUrl(ctx) }
    afterResponse(ctx, () => this.accounts.signUp(input, i18n.locale as Locale, origin))
    session.flash('notice', i18n.t('auth.signup.done'))
    return response.redirect().toRoute('auth.login')
  }
}
