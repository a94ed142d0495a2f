import SubscriptionMail from '#mails/subscription_mail'

/**
 * Sent instead of a confirmation when the address is subscribed already:
 * the form answers the same either way, and only the owner of the address
 * learns, with the link to manage what they receive.
 */
export default class SubscriptionKnownMail extends SubscriptionMail {
  protected subjectKey = 'subscriptions.mail.known.subject'
  protected view = 'known'
}
