import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import NewsItem from '#models/news_item'
import Topic from '#models/topic'
import Vendor from '#models/vendor'
import { demoNews, demoVendorKeywords } from '#database/data/demo_news'
import { keywordsFor } from '#services/news/news_service'

/**
 * Writes the demo news items (database/data/demo_news.ts) as published,
 * with their topics and keywords, and the demo vendors' keywords. Items are
 * matched by slug and only missing ones are created; a vendor that has
 * keywords already keeps them. Returns how many items were created.
 */
export async function seedDemoNews(trx: TransactionClientContract): Promise<number> {
  const existing = await NewsItem.query({ client: trx })
    .whereIn(
      'slug',
      demoNews.map((item) => item.slug)
    )
    .select('slug')
  const known = new Set(existing.map((item) => item.slug))
  const topics = await Topic.query({ client: trx })
  const topicIds = new Map(topics.map((topic) => [topic.slug, topic.id]))

  let created = 0
  for (const { topics: topicSlugs, keywords, publishedOn, ...fields } of demoNews) {
    if (known.has(fields.slug)) continue
    const item = await NewsItem.create(
      { ...fields, publishedOn: DateTime.fromISO(publishedOn), status: 'published' },
      { client: trx }
    )
    const ids = topicSlugs.map((slug) => {
      const id = topicIds.get(slug)
      if (id === undefined)
        throw new Error(`Demo news "${fields.slug}" names unknown topic "${slug}"`)
      return id
    })
    await item
      .related('topics')
      .attach(Object.fromEntries(ids.map((id, position) => [id, { position }])), trx)
    const words = await keywordsFor(keywords.join(','), trx)
    await item
      .related('keywords')
      .attach(Object.fromEntries(words.map((word, position) => [word.id, { position }])), trx)
    created += 1
  }

  for (const [slug, keywords] of Object.entries(demoVendorKeywords)) {
    const vendor = await Vendor.query({ client: trx }).where('slug', slug).first()
    if (!vendor) continue
    const has = await trx.from('vendor_keywords').where('vendor_id', vendor.id).first()
    if (has) continue
    const words = await keywordsFor(keywords.join(','), trx)
    await vendor
      .related('keywords')
      .attach(Object.fromEntries(words.map((word, position) => [word.id, { position }])), trx)
  }
  return created
}
