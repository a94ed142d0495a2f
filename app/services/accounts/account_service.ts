import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import { signedUrlFor, urlFor } from '@adonisjs/core/services/url_builder'
import mail from '@adonisjs/mail/services/main'
import User from '#models/user'
import type { Locale } from '#services/locale'
import MailLimit from '#services/mail/mail_limit'
import VerifyEmailNotification from '#mails/verify_email_notification'
import AccountExistsNotification from '#mails/account_exists_notification'
import { isLocalPath } from '#services/accounts/intended_url'

export const VERIFY_EMAIL_PURPOSE = 'verify-email'

/** Where a sign-up came from: the site's URL, the IP (for mail limits), the page to return to. */
export type SignUpOrigin = { baseUrl: string; ip: string | null; next?: string | null }

/** Sign-up, e-mail confirmation and the account's own settings. */
@inject()
export default class AccountService {
  constructor(private mailLimit: MailLimit) {}

  /**
   * A new `member` with an unconfirmed address, and its confirmation mail.
   * An address that has an account already gets a notice instead, so that
   * the sign-up answer never tells whether an address is registered. Runs
   * after the response (see SignupController).
   */
  async signUp(
    input: { name: string; email: string; password: string },
    locale: Locale,
    origin: SignUpOrigin
  ) {
    const email = input.email.trim().toLowerCase()
    if (!(await this.mailLimit.allow('signup', email, origin.ip))) return null

    const existing = await User.findBy('email', email)
    if (existing) {
      const url = urlFor('auth.password.forgot', {}, { prefixUrl: origin.baseUrl })
      await mail.send(new AccountExistsNotification(existing, url))
      return null
    }
    const user = await User.create({
      name: input.name,
      email,
      password: input.password,
      role: 'member',
      locale,
      emailVerifiedAt: null,
    })
    await this.sendVerification(user, origin)
    return user
  }

  /**
   * A signed link to `auth.verify`, valid for 24 hours and for this purpose
   * only. `next` (a path on this site, e.g. an invitation) is signed with it.
   */
  verificationUrl(user: User, baseUrl: string, next?: string | null) {
    return signedUrlFor(
      'auth.verify',
      { id: user.id },
      {
        prefixUrl: baseUrl,
        expiresIn: '24h',
        purpose: VERIFY_EMAIL_PURPOSE,
        ...(isLocalPath(next) ? { qs: { next } } : {}),
      }
    )
  }

  async sendVerification(user: User, origin: SignUpOrigin) {
    const url = this.verificationUrl(user, origin.baseUrl, origin.next)
    await mail.send(new VerifyEmailNotification(user, url))
  }

  /** The account page's "send again": under the mail limits; false when nothing was sent. */
  async resendVerification(user: User, origin: SignUpOrigin): Promise<boolean> {
    if (!(await this.mailLimit.allow('verification', user.email, origin.ip))) return false
    await this.sendVerification(user, origin)
    return true
  }

  /** Returns false when the address was confirmed already (the link is spent). */
  async confirmEmail(user: User): Promise<boolean> {
    if (user.isConfirmed) return false
    user.emailVerifiedAt = DateTime.now()
    await user.save()
    return true
  }

  /**
   * A new password. The User model raises the session generation, which
   * ends every session of the account; the caller signs the current one in
   * again.
   */
  async changePassword(user: User, password: string) {
    user.password = password
    await user.save()
  }

  async updateSettings(user: User, input: { name: string; locale: Locale }) {
    user.merge(input)
    await user.save()
  }
}
