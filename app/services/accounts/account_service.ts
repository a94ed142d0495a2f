import { DateTime } from 'luxon'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import mail from '@adonisjs/mail/services/main'
import User from '#models/user'
import type { Locale } from '#services/locale'
import VerifyEmailNotification from '#mails/verify_email_notification'

export const VERIFY_EMAIL_PURPOSE = 'verify-email'

/** Sign-up, e-mail confirmation and the account's own settings. */
export default class AccountService {
  /** A new `member` with an unconfirmed address; the confirmation mail goes out at once. */
  async signUp(
    input: { name: string; email: string; password: string },
    locale: Locale,
    baseUrl: string
  ) {
    const user = await User.create({
      name: input.name,
      email: input.email,
      password: input.password,
      role: 'member',
      locale,
      emailVerifiedAt: null,
    })
    await this.sendVerification(user, baseUrl)
    return user
  }

  /** A signed link to `auth.verify`, valid for 24 hours and for this purpose only. */
  verificationUrl(user: User, baseUrl: string) {
    return signedUrlFor(
      'auth.verify',
      { id: user.id },
      { prefixUrl: baseUrl, expiresIn: '24h', purpose: VERIFY_EMAIL_PURPOSE }
    )
  }

  async sendVerification(user: User, baseUrl: string) {
    await mail.send(new VerifyEmailNotification(user, this.verificationUrl(user, baseUrl)))
  }

  /** Returns false when the address was confirmed already (the link is spent). */
  async confirmEmail(user: User): Promise<boolean> {
    if (user.isConfirmed) return false
    user.emailVerifiedAt = DateTime.now()
    await user.save()
    return true
  }

  async updateSettings(user: User, input: { name: string; locale: Locale }) {
    user.merge(input)
    await user.save()
  }
}
