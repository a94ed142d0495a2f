import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import mail from '@adonisjs/mail/services/main'
import { DateTime } from 'luxon'
import Subscription, {
  kindsOf,
  type SubscriptionFrequency,
  type SubscriptionKind,
} from '#models/subscription'
import Topic from '#models/topic'
import type { Locale } from '#services/locale'
import MailLimit from '#services/mail/mail_limit'
import SubscriptionConfirmMail from '#mails/subscription_confirm_mail'
import SubscriptionKnownMail from '#mails/subscription_known_mail'
import { lockedById } from '#models/locked_by_id'

/** What the form, the manage page and the API give (topics by slug). */
export type SubscriptionChoice = {
  topics: string[]
  kinds: SubscriptionKind[]
  frequency: SubscriptionFrequency
}

export type SubscriptionRequest = SubscriptionChoice & { email: string }

/**
 * Subscribing (double opt-in), confirming, changing and cancelling.
 * A request answers nothing about the address: the caller runs it after
 * the response, and the mail limits allow one mail an hour per address.
 */
@inject()
export default class SubscriptionService {
  constructor(private mailLimit: MailLimit) {}

  /**
   * A new address gets an unconfirmed subscription and the confirmation
   * mail; an unconfirmed one takes the new choice and gets the mail again;
   * a confirmed one stays as it is (nobody else may change it) and gets its
   * manage link. Nothing happens beyond the mail limits.
   */
  async request(input: SubscriptionRequest, locale: Locale, ip: string | null) {
    const email = input.email.trim().toLowerCase()
    if (!(await this.mailLimit.allow('subscription', email, ip))) return null

    const { subscription, known } = await db.transaction(async (trx) => {
      const existing = await Subscription.query({ client: trx })
        .where('email', email)
        .ifDialect('postgres', (query) => query.forUpdate())
        .first()
      if (existing?.isConfirmed) return { subscription: existing, known: true }
      const row = existing ?? new Subscription()
      row.useTransaction(trx)
      row.merge({
        email,
        locale,
        kinds: kindsOf(input.kinds),
        frequency: input.frequency,
        confirmedAt: null,
      })
      // The 7 days until an unconfirmed subscription is deleted run from the latest request.
      if (existing) row.createdAt = DateTime.now()
      await row.save()
      await row.related('topics').sync(await topicIds(input.topics, trx))
      return { subscription: row, known: false }
    })
    await mail.send(
      known ? new SubscriptionKnownMail(subscription) : new SubscriptionConfirmMail(subscription)
    )
    return subscription
  }

  /** Follows the confirmation link; false when it was confirmed already. */
  async confirm(subscription: Subscription): Promise<boolean> {
    if (subscription.isConfirmed) return false
    subscription.confirmedAt = DateTime.now()
    await subscription.save()
    return true
  }

  /** The manage page: other topics, kinds or frequency. */
  async update(subscription: Subscription, choice: SubscriptionChoice) {
    await db.transaction(async (trx) => {
      const row = await lockedById(Subscription, subscription.id, trx).firstOrFail()
      row.merge({ kinds: kindsOf(choice.kinds), frequency: choice.frequency })
      await row.useTransaction(trx).save()
      await row.related('topics').sync(await topicIds(choice.topics, trx))
    })
  }

  /** Cancelling deletes the address, its topics and its ledger: nothing personal stays. */
  async cancel(subscription: Subscription) {
    await db.transaction(async (trx) => {
      await trx.from('subscription_deliveries').where('subscription_id', subscription.id).delete()
      await trx.from('subscription_topics').where('subscription_id', subscription.id).delete()
      await trx.from('subscriptions').where('id', subscription.id).delete()
    })
  }
}

async function topicIds(slugs: string[], trx: TransactionClientContract) {
  const topics = await Topic.query({ client: trx }).whereIn('slug', slugs).select('id')
  return topics.map((topic) => topic.id)
}
