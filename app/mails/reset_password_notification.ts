import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type User from '#models/user'

/** The single-use password reset link, in the recipient's language. */
export default class ResetPasswordNotification extends BaseMail {
  constructor(
    public user: User,
    public url: string
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.user.locale)
    const data = { i18n, user: this.user, url: this.url }
    this.message
      .to(this.user.email, this.user.name)
      .subject(i18n.t('auth.mail.reset.subject'))
      .htmlView('emails/reset_password', data)
      .textView('emails/reset_password_text', data)
  }
}
