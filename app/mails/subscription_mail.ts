import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type Subscription from '#models/subscription'
import { manageUrl, unsubscribeUrl } from '#services/subscriptions/subscription_links'

/**
 * Every mail to a subscriber, in its language, carries the personal manage
 * link and the RFC 8058 one-click unsubscribe headers. Subclasses name the
 * subject, the views (`emails/subscriptions/<view>` and `<view>_text`) and
 * their own data.
 */
export default abstract class SubscriptionMail extends BaseMail {
  protected abstract subjectKey: string
  protected abstract view: string

  constructor(public subscription: Subscription) {
    super()
  }

  protected data(): Record<string, unknown> {
    return {}
  }

  prepare() {
    const i18n = i18nManager.locale(this.subscription.locale)
    const unsubscribe = unsubscribeUrl(this.subscription)
    const data = {
      ...this.data(),
      i18n,
      subject: i18n.t(this.subjectKey),
      manageUrl: manageUrl(this.subscription),
      unsubscribeUrl: unsubscribe,
    }
    this.message
      .to(this.subscription.email)
      .subject(data.subject)
      .header('List-Unsubscribe', `<${unsubscribe}>`)
      .header('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click')
      .htmlView(`emails/subscriptions/${this.view}`, data)
      .textView(`emails/subscriptions/${this.view}_text`, data)
  }
}
