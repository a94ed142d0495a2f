import SubscriptionMail from '#mails/subscription_mail'
import { confirmUrl } from '#services/subscriptions/subscription_links'

/** Double opt-in: nothing is sent to the address until this link is followed. */
export default class SubscriptionConfirmMail extends SubscriptionMail {
  protected subjectKey = 'subscriptions.mail.confirm.subject'
  protected view = 'confirm'

  /** Signed once: its expiry is part of the signature. */
  confirmUrl = confirmUrl(this.subscription)

  protected data() {
    return { confirmUrl: this.confirmUrl }
  }
}
