import type NewsItem from '#models/news_item'
import Topic from '#models/topic'
import { formatKeywords, formatSourceLinks } from '#services/news/news_input'
import { DateTime } from 'luxon'

/** What the news form shows: the item's values as text, and the topics to choose from. */
export async function newsFormData(item: NewsItem | null, vendorId: number | null = null) {
  const topics = await Topic.query().withScopes((scopes) => scopes.ordered())
  if (item) {
    await item.load((loader) => loader.load('topics').load('keywords').load('vendor'))
  }
  const values = item
    ? {
        kicker: item.kicker,
        title: item.title,
        publishedOn: item.publishedOn.toISODate(),
        teaser: item.teaser,
        body: item.body,
        mainTopicId: String(item.topics[0]?.id ?? ''),
        topicIds: item.topics.slice(1).map((topic) => String(topic.id)),
        keywords: formatKeywords(item.keywords),
        sourceLinks: formatSourceLinks(item.sourceLinks),
        imageCredit: item.imageCredit ?? '',
      }
    : {
        kicker: '',
        title: '',
        publishedOn: DateTime.now().setZone('Europe/Berlin').toISODate(),
        teaser: '',
        body: '',
        mainTopicId: '',
        topicIds: [] as string[],
        keywords: '',
        sourceLinks: '',
        imageCredit: '',
      }
  return { item, topics, values, vendorId }
}
