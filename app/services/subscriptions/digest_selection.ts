import type { DateTime } from 'luxon'
import type { SubscriptionFrequency, SubscriptionKinds } from '#models/subscription'
import { weekOf } from '#services/booking/iso_week'

/** A published news item or vendor that a digest may carry. */
export type DigestItemType = 'news' | 'vendor'

export type DigestCandidate = {
  type: DigestItemType
  id: number
  topicIds: number[]
  publishedAt: DateTime
}

/** What the rule needs to know about one subscription. */
export type DigestSubscriber = {
  kinds: SubscriptionKinds
  frequency: SubscriptionFrequency
  topicIds: number[]
  confirmedAt: DateTime | null
  lastSentAt: DateTime | null
  /** Ledger keys of what it was sent already: `news:12`, `vendor:7`. */
  sent: ReadonlySet<string>
}

/**
 * How far before its last digest a subscription still looks: an item is
 * stamped when its publishing transaction starts, and a digest run may
 * read before that transaction commits. The ledger keeps such overlaps
 * from sending anything twice.
 */
export const PUBLISH_GRACE_MS = 60 * 60 * 1000

/**
 * The earliest publication a subscriber's next digest may carry: its
 * confirmation, or shortly before its last digest. So a topic added later
 * brings what is new, not the topic's back catalogue.
 */
export function windowStart(subscriber: DigestSubscriber): DateTime | null {
  if (!subscriber.confirmedAt) return null
  const sinceLast = subscriber.lastSentAt?.minus({ milliseconds: PUBLISH_GRACE_MS })
  return sinceLast && sinceLast > subscriber.confirmedAt ? sinceLast : subscriber.confirmedAt
}

export function ledgerKey(item: { type: DigestItemType; id: number }): string {
  return `${item.type}:${item.id}`
}

/**
 * Whether a subscription may get a digest at `now`: confirmed, and for
 * `weekly` not yet in this ISO week (Berlin time). `immediate` is due on
 * every run that finds something new.
 */
export function isDue(subscriber: DigestSubscriber, now: DateTime): boolean {
  if (!subscriber.confirmedAt) return false
  if (subscriber.frequency === 'immediate' || !subscriber.lastSentAt) return true
  return weekOf(subscriber.lastSentAt) !== weekOf(now)
}

/**
 * The items of the subscriber's next digest at `now`: of its kinds and
 * topics, published within its window (`windowStart`, and not after
 * `now`), and never one it was sent before. Empty when nothing is due. News first,
 * then vendors, each oldest first.
 */
export function selectDigest(
  subscriber: DigestSubscriber,
  candidates: readonly DigestCandidate[],
  now: DateTime
): DigestCandidate[] {
  if (!isDue(subscriber, now)) return []
  const from = windowStart(subscriber)!.toMillis()
  const until = now.toMillis()
  const topics = new Set(subscriber.topicIds)
  const wantsNews = subscriber.kinds !== 'vendors'
  const wantsVendors = subscriber.kinds !== 'news'
  return candidates
    .filter((item) => (item.type === 'news' ? wantsNews : wantsVendors))
    .filter((item) => item.publishedAt.toMillis() >= from)
    .filter((item) => item.publishedAt.toMillis() <= until)
    .filter((item) => item.topicIds.some((id) => topics.has(id)))
    .filter((item) => !subscriber.sent.has(ledgerKey(item)))
    .sort(
      (a, b) =>
        (a.type === b.type ? 0 : a.type === 'news' ? -1 : 1) ||
        a.publishedAt.toMillis() - b.publishedAt.toMillis() ||
        a.id - b.id
    )
}
