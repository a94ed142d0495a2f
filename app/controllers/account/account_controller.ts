import { inject } from '@adonisjs/core'
import i18nManager from '@adonisjs/i18n/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import AccountService from '#services/accounts/account_service'
import { userPasswordChangeValidator, userSettingsValidator } from '#validators/user_validator'
import AccountPolicy from '#policies/account_policy'

@inject()
export default class AccountController {
  constructor(private accounts: AccountService) {}

  /** The signed-in home: profile, language, links to the user's areas, privacy. */
  async show({ auth, bouncer, view }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(AccountPolicy).authorize('manage', user)
    const memberships = await user.related('memberships').query().preload('vendor')
    return view.render('pages/account/home', { user, memberships })
  }

  /** A new password ends every other session; this one stays signed in. */
  async changePassword({ auth, bouncer, request, response, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(AccountPolicy).authorize('manage', user)
    const input = await request.validateUsing(userPasswordChangeValidator, { meta: { user } })
    await this.accounts.changePassword(user, input.new_password)
    await auth.use('web').login(user)
    session.flash('notice', i18n.t('auth.password_change.done'))
    return response.redirect().toRoute('account.home')
  }

  async update({ auth, bouncer, request, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(AccountPolicy).authorize('manage', user)
    const input = await request.validateUsing(userSettingsValidator)
    await this.accounts.updateSettings(user, input)
    // The notice speaks the language just chosen.
    session.flash('notice', i18nManager.locale(user.locale).t('auth.account.saved'))
    return response.redirect().toRoute('account.home')
  }
}
