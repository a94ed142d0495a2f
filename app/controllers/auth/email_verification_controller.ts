import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import AccountService, { VERIFY_EMAIL_PURPOSE } from '#services/accounts/account_service'
import { isLocalPath } from '#services/accounts/intended_url'
import { appUrl } from '#services/mail/app_url'

@inject()
export default class EmailVerificationController {
  constructor(private accounts: AccountService) {}

  /**
   * The signed link from the sign-up mail. It confirms the address and, when
   * nobody is signed in, logs its owner in once and goes on to the page the
   * sign-up came from (an invitation). It never replaces another signed-in
   * account. A spent, tampered or expired link logs nobody in.
   */
  async verify({ request, params, auth, session, response, i18n }: HttpContext) {
    const user = request.hasValidSignature(VERIFY_EMAIL_PURPOSE) ? await User.find(params.id) : null
    if (!user || user.isDisabled) {
      session.flash('alert', i18n.t('auth.verify.invalid'))
      return response.redirect().toRoute('auth.login')
    }
    const confirmed = await this.accounts.confirmEmail(user)
    const signedIn = (await auth.check()) ? auth.getUserOrFail() : null

    if (signedIn && signedIn.id !== user.id) {
      session.flash('notice', i18n.t('auth.verify.other_account', { name: signedIn.name }))
      return response.redirect().toRoute('account.home')
    }
    if (!confirmed) {
      session.flash(
        'notice',
        i18n.t(signedIn ? 'auth.verify.already' : 'auth.verify.already_login')
      )
      return response.redirect().toRoute(signedIn ? 'account.home' : 'auth.login')
    }

    if (!signedIn) await auth.use('web').login(user)
    session.flash('notice', i18n.t('auth.verify.done'))
    const next = request.qs().next
    return isLocalPath(next)
      ? response.redirect().toPath(next)
      : response.redirect().toRoute('account.home')
  }

  /** Sends the link again, within the mail limits; the answer is the same either way. */
  async resend({ request, auth, session, response, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    if (user.isConfirmed) {
      session.flash('notice', i18n.t('auth.verify.already'))
    } else {
      await this.accounts.resendVerification(user, { baseUrl: appUrl(request), ip: request.ip() })
      session.flash('notice', i18n.t('auth.verify.resent'))
    }
    return response.redirect().toRoute('account.home')
  }
}
