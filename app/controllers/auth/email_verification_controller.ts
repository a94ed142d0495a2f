import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import AccountService, { VERIFY_EMAIL_PURPOSE } from '#services/accounts/account_service'
import { appUrl } from '#services/mail/app_url'

@inject()
export default class EmailVerificationController {
  constructor(private accounts: AccountService) {}

  /**
   * The signed link from the sign-up mail. It confirms the address and logs
   * the user in once; a spent, tampered or expired link logs nobody in.
   */
  async verify({ request, params, auth, session, response, i18n }: HttpContext) {
    const user = request.hasValidSignature(VERIFY_EMAIL_PURPOSE) ? await User.find(params.id) : null
    if (!user || user.isDisabled) {
      session.flash('alert', i18n.t('auth.verify.invalid'))
      return response.redirect().toRoute('auth.login')
    }
    if (!(await this.accounts.confirmEmail(user))) {
      const signedIn = await auth.check()
      session.flash(
        'notice',
        i18n.t(signedIn ? 'auth.verify.already' : 'auth.verify.already_login')
      )
      return response.redirect().toRoute(signedIn ? 'account.home' : 'auth.login')
    }

    await auth.use('web').login(user)
    session.flash('notice', i18n.t('auth.verify.done'))
    return response.redirect().toRoute('account.home')
  }

  async resend({ request, auth, session, response, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    if (user.isConfirmed) {
      session.flash('notice', i18n.t('auth.verify.already'))
    } else {
      await this.accounts.sendVerification(user, appUrl(request))
      session.flash('notice', i18n.t('auth.verify.resent'))
    }
    return response.redirect().toRoute('account.home')
  }
}
