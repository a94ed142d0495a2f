import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AccountService from '#services/accounts/account_service'
import { appUrl } from '#services/mail/app_url'
import { userSignupValidator } from '#validators/user_validator'
import type { Locale } from '#services/locale'

@inject()
export default class SignupController {
  constructor(private accounts: AccountService) {}

  async create({ view }: HttpContext) {
    return view.render('pages/auth/signup')
  }

  /** A new, unconfirmed member; they log in after following the e-mailed link. */
  async store({ request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(userSignupValidator)
    await this.accounts.signUp(input, i18n.locale as Locale, appUrl(request))
    session.flash('notice', i18n.t('auth.signup.done'))
    return response.redirect().toRoute('auth.login')
  }
}
