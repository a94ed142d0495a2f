import { inject } from '@adonisjs/core'
import i18nManager from '@adonisjs/i18n/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import AccountService from '#services/accounts/account_service'
import { userSettingsValidator } from '#validators/user_validator'

@inject()
export default class AccountController {
  constructor(private accounts: AccountService) {}

  /** The signed-in home: profile, language, links to the user's areas, privacy. */
  async show({ auth, view }: HttpContext) {
    const user = auth.getUserOrFail()
    const memberships = await user.related('memberships').query().preload('vendor')
    return view.render('pages/account/home', { user, memberships })
  }

  async update({ auth, request, response, session }: HttpContext) {
    const input = await request.validateUsing(userSettingsValidator)
    const user = auth.getUserOrFail()
    await this.accounts.updateSettings(user, input)
    // The notice speaks the language just chosen.
    session.flash('notice', i18nManager.locale(user.locale).t('auth.account.saved'))
    return response.redirect().toRoute('account.home')
  }
}
