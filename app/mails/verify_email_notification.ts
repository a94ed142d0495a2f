import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type User from '#models/user'

/** The signed confirmation link, sent after sign-up, in the recipient's language. */
export default class VerifyEmailNotification extends BaseMail {
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
      .subject(i18n.t('auth.mail.verify.subject'))
      .htmlView('emails/verify_email', data)
      .textView('emails/verify_email_text', data)
  }
}
