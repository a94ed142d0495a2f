import { DateTime } from 'luxon'
import Subscription, {
  type SubscriptionFrequency,
  type SubscriptionKinds,
} from '#models/subscription'
import type Topic from '#models/topic'
import { TopicFactory } from '#database/factories/topic_factory'

export async function socialMedia() {
  return TopicFactory.merge({ slug: 'social-media', name: 'Social Media' }).create()
}

/** A subscription as the form and its confirmation leave it (confirmed an hour ago unless `confirmed: false`). */
export async function createSubscription(
  topics: Topic[],
  options: {
    email?: string
    kinds?: SubscriptionKinds
    frequency?: SubscriptionFrequency
    confirmed?: boolean
    locale?: 'de' | 'en'
    createdAt?: DateTime
  } = {}
) {
  const subscription = await Subscription.create({
    email: options.email ?? 'leserin@example.test',
    locale: options.locale ?? 'de',
    kinds: options.kinds ?? 'both',
    frequency: options.frequency ?? 'immediate',
    confirmedAt: options.confirmed === false ? null : DateTime.now().minus({ hours: 1 }),
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
  })
  await subscription.related('topics').attach(topics.map((topic) => topic.id))
  return subscription
}

/** A signed absolute link as the path and query a test client requests. */
export function pathOf(url: string): string {
  const parsed = new URL(url)
  return `${parsed.pathname}${parsed.search}`
}
