import type { DateTime } from 'luxon'
import type NewsItem from '#models/news_item'
import type Topic from '#models/topic'
import { NewsItemFactory } from '#database/factories/news_item_factory'
import { keywordsFor } from '#services/news/news_service'
import db from '@adonisjs/lucid/services/db'

/**
 * A news item (published unless `status` says otherwise) in `topics` (the
 * first is its own) with `keywords`, as the news desk would leave it.
 */
export async function createNews(
  attributes: Partial<NewsItem> & { publishedOn?: DateTime } = {},
  topics: Topic[] = [],
  keywords: string[] = []
): Promise<NewsItem> {
  const { status = 'published', ...rest } = attributes
  const builder = NewsItemFactory.merge(rest)
  if (status !== 'draft') builder.apply(status)
  const item = await builder.create()
  if (topics.length) {
    await item
      .related('topics')
      .attach(Object.fromEntries(topics.map((topic, position) => [topic.id, { position }])))
  }
  if (keywords.length) {
    const words = await db.transaction((trx) => keywordsFor(keywords.join(','), trx))
    await item
      .related('keywords')
      .attach(Object.fromEntries(words.map((word, position) => [word.id, { position }])))
  }
  return item
}
