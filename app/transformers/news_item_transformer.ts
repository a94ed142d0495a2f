import { BaseTransformer } from '@adonisjs/core/transformers'
import type NewsItem from '#models/news_item'
import { renderMarkdown } from '#services/markdown'
import KeywordTransformer from '#transformers/keyword_transformer'
import TopicTransformer from '#transformers/topic_transformer'

/**
 * A published news item, `GET /api/v1/news/:slug`. Expects `topics` (own
 * topic first) and `keywords` preloaded, `vendor` too for a press release.
 * The body comes as Markdown and as sanitized HTML.
 */
export default class NewsItemTransformer extends BaseTransformer<NewsItem> {
  toObject() {
    const item = this.resource
    return {
      ...this.pick(item, ['slug', 'kicker', 'title', 'teaser', 'body', 'imageCredit']),
      publishedOn: item.publishedOn.toISODate()!,
      bodyHtml: renderMarkdown(item.body),
      sourceLinks: item.sourceLinks.map((link) => ({ title: link.title, url: link.url })),
      topics: TopicTransformer.transform(item.topics),
      keywords: KeywordTransformer.transform(item.keywords),
      vendor: item.vendor ? { slug: item.vendor.slug, name: item.vendor.name } : null,
    }
  }
}
