import { BaseTransformer } from '@adonisjs/core/transformers'
import type NewsItem from '#models/news_item'
import KeywordTransformer from '#transformers/keyword_transformer'
import TopicTransformer from '#transformers/topic_transformer'

/** A news item in a list, `GET /api/v1/news`: no body. Expects `topics` and `keywords` preloaded. */
export default class NewsSummaryTransformer extends BaseTransformer<NewsItem> {
  toObject() {
    const item = this.resource
    return {
      ...this.pick(item, ['slug', 'kicker', 'title', 'teaser']),
      publishedOn: item.publishedOn.toISODate()!,
      topics: TopicTransformer.transform(item.topics),
      keywords: KeywordTransformer.transform(item.keywords),
    }
  }
}
