import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type User from '#models/user'

/**
 * A mail to one user that carries one link (confirm, reset), in the
 * recipient's language. Subclasses name the subject key and the views.
 */
export default abstract class UserLinkMail extends BaseMail {
  protected abstract subjectKey: string
  /** `emails/<view>` for HTML and `emails/<view>_text` for plain text. */
  protected abstract view: string

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
      .subject(i18n.t(this.subjectKey))
      .htmlView(`emails/${this.view}`, data)
      .textView(`emails/${this.view}_text`, data)
  }
}
