import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { DateTime } from 'luxon'
import Subscription, { dbStamp } from '#models/subscription'
import NewsItem from '#models/news_item'
import Vendor from '#models/vendor'
import SubscriptionDigestMail from '#mails/subscription_digest_mail'
import {
  type DigestCandidate,
  ledgerKey,
  selectDigest,
  windowStart,
} from '#services/subscriptions/digest_selection'

/** One digest to send: the subscription and what it carries. */
export type PlannedDigest = { subscription: Subscription; news: NewsItem[]; vendors: Vendor[] }

export type DigestRunResult = { purged: number; planned: number; sent: number; skipped: number }

/**
 * `digest:send` and the in-process schedule: deletes lapsed unconfirmed
 * subscriptions, works out the due digests (the rule is the pure
 * `selectDigest`), and sends each one. Sending claims the subscription by
 * its `digests_sent` count and records every item in the ledger in one
 * transaction before the mail goes out, so two runs at once, or one after
 * the other, never send an item twice. A mail that fails gives its claim
 * back, and the next run tries again.
 */
export default class DigestService {
  /** Unconfirmed for over 7 days: deleted (a dry run only counts them). */
  async purgeUnconfirmed(now: DateTime, dryRun = false): Promise<number> {
    const lapsed = Subscription.query().withScopes((scopes) => scopes.lapsed(now))
    if (dryRun) {
      const [row] = await lapsed.count('* as total')
      return Number(row.$extras.total)
    }
    const rows = await lapsed.select('id')
    const ids = rows.map((row) => row.id)
    if (ids.length === 0) return 0
    await db.transaction(async (trx) => {
      await trx.from('subscription_topics').whereIn('subscription_id', ids).delete()
      await trx.from('subscription_deliveries').whereIn('subscription_id', ids).delete()
      await trx.from('subscriptions').whereIn('id', ids).whereNull('confirmed_at').delete()
    })
    return ids.length
  }

  /** The digests due at `now`. */
  async plan(now: DateTime): Promise<PlannedDigest[]> {
    const subscriptions = await Subscription.query()
      .withScopes((scopes) => scopes.confirmed())
      .preload('topics')
      .orderBy('id')
    if (subscriptions.length === 0) return []

    const since = dbStamp(
      DateTime.min(
        ...subscriptions.map((subscription) => windowStart(subscriberOf(subscription))!)
      )!
    )
    const [news, vendors, ledger] = await Promise.all([
      NewsItem.query()
        .withScopes((scopes) => scopes.published())
        .where('news_items.published_at', '>=', since)
        .preload('topics'),
      Vendor.query()
        .withScopes((scopes) => scopes.published())
        .where('vendors.published_at', '>=', since)
        .preload('topics'),
      db
        .from('subscription_deliveries')
        .whereIn(
          'subscription_id',
          subscriptions.map((subscription) => subscription.id)
        )
        // What was published since `since` can only have been sent since.
        .where('sent_at', '>=', since)
        .select('subscription_id', 'item_type', 'item_id'),
    ])

    const sent = new Map<number, Set<string>>()
    for (const row of ledger) {
      const keys = sent.get(row.subscription_id) ?? new Set<string>()
      keys.add(ledgerKey({ type: row.item_type, id: row.item_id }))
      sent.set(row.subscription_id, keys)
    }
    const newsById = new Map(news.map((item) => [item.id, item]))
    const vendorsById = new Map(vendors.map((vendor) => [vendor.id, vendor]))
    const candidates: DigestCandidate[] = [
      ...news.map((item) => ({
        type: 'news' as const,
        id: item.id,
        topicIds: item.topics.map((topic) => topic.id),
        publishedAt: item.publishedAt!,
      })),
      ...vendors.map((vendor) => ({
        type: 'vendor' as const,
        id: vendor.id,
        topicIds: vendor.topics.map((topic) => topic.id),
        publishedAt: vendor.publishedAt!,
      })),
    ]

    const planned: PlannedDigest[] = []
    for (const subscription of subscriptions) {
      const items = selectDigest(
        subscriberOf(subscription, sent.get(subscription.id)),
        candidates,
        now
      )
      if (items.length === 0) continue
      planned.push({
        subscription,
        news: items.filter((item) => item.type === 'news').map((item) => newsById.get(item.id)!),
        vendors: items
          .filter((item) => item.type === 'vendor')
          .map((item) => vendorsById.get(item.id)!),
      })
    }
    return planned
  }

  /** Sends one planned digest; false when another run claimed it first. */
  async deliver(digest: PlannedDigest, now: DateTime): Promise<boolean> {
    const { subscription } = digest
    const items = [
      ...digest.news.map((item) => ({ type: 'news', id: item.id })),
      ...digest.vendors.map((vendor) => ({ type: 'vendor', id: vendor.id })),
    ]
    const stamp = dbStamp(now)
    const claimed = await db.transaction(async (trx) => {
      const affected = await trx
        .from('subscriptions')
        .where('id', subscription.id)
        .where('digests_sent', subscription.digestsSent)
        .update({ digests_sent: subscription.digestsSent + 1, last_sent_at: stamp })
      if (affectedRows(affected) !== 1) return false
      await trx.table('subscription_deliveries').multiInsert(
        items.map((item) => ({
          subscription_id: subscription.id,
          item_type: item.type,
          item_id: item.id,
          sent_at: stamp,
        }))
      )
      return true
    })
    if (!claimed) return false

    try {
      await mail.send(new SubscriptionDigestMail(subscription, digest.news, digest.vendors))
    } catch (error) {
      await this.#release(digest, subscription.digestsSent + 1)
      throw error
    }
    subscription.digestsSent += 1
    subscription.lastSentAt = now
    return true
  }

  /** Plans and sends everything due; `onProgress` follows each digest. */
  async run(
    now: DateTime = DateTime.now(),
    options: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {}
  ): Promise<DigestRunResult & { digests: PlannedDigest[] }> {
    const purged = await this.purgeUnconfirmed(now, options.dryRun)
    const digests = await this.plan(now)
    let sent = 0
    let skipped = 0
    if (!options.dryRun) {
      for (const [index, digest] of digests.entries()) {
        if (await this.deliver(digest, now)) sent++
        else skipped++
        options.onProgress?.(index + 1, digests.length)
      }
    }
    return { purged, planned: digests.length, sent, skipped, digests }
  }

  /** A mail that failed: its items go back, so the next run sends them. */
  async #release(digest: PlannedDigest, claimedCount: number) {
    const { subscription } = digest
    await db.transaction(async (trx) => {
      await trx
        .from('subscription_deliveries')
        .where('subscription_id', subscription.id)
        .where((rows) => {
          for (const item of digest.news) {
            rows.orWhere((row) => row.where('item_type', 'news').where('item_id', item.id))
          }
          for (const vendor of digest.vendors) {
            rows.orWhere((row) => row.where('item_type', 'vendor').where('item_id', vendor.id))
          }
        })
        .delete()
      await trx
        .from('subscriptions')
        .where('id', subscription.id)
        .where('digests_sent', claimedCount)
        .update({
          last_sent_at: subscription.lastSentAt ? dbStamp(subscription.lastSentAt) : null,
        })
    })
  }
}

function subscriberOf(subscription: Subscription, sent: Set<string> = new Set()) {
  return {
    kinds: subscription.kinds,
    frequency: subscription.frequency,
    topicIds: subscription.topics?.map((topic) => topic.id) ?? [],
    confirmedAt: subscription.confirmedAt,
    lastSentAt: subscription.lastSentAt,
    sent,
  }
}

function affectedRows(result: unknown): number {
  return Number(Array.isArray(result) ? result[0] : result) || 0
}
