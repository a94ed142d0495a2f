import { errors as lucidErrors } from '@adonisjs/lucid'
import { urlFor } from '@adonisjs/core/services/url_builder'
import NewsItem from '#models/news_item'
import Keyword from '#models/keyword'
import Vendor from '#models/vendor'
import Topic from '#models/topic'
import { renderMarkdown } from '#services/markdown'
import { absoluteUrl } from '#services/mail/app_url'

/** "Weitere Meldungen und Beiträge aus dem Bereich …": this many. */
export const MORE_NEWS_COUNT = 5
export const NEWS_PAGE_SIZE = 20

/** A published item by slug, with topics (own topic first), keywords and vendor; else 404. */
export async function publishedNewsItem(slug: string): Promise<NewsItem> {
  const item = await NewsItem.query()
    .withScopes((scopes) => scopes.published())
    .where('slug', slug)
    .preload('topics')
    .preload('keywords')
    .preload('vendor')
    .first()
  if (!item) throw new lucidErrors.E_ROW_NOT_FOUND(NewsItem)
  return item
}

/** The latest published items of a topic, without `exceptId`. */
export async function latestNewsInTopic(
  topicId: number,
  exceptId: number | null = null,
  limit = MORE_NEWS_COUNT
): Promise<NewsItem[]> {
  const query = NewsItem.query()
    .withScopes((scopes) => {
      scopes.published()
      scopes.inTopic(topicId)
      scopes.latestFirst()
    })
    .limit(limit)
  if (exceptId !== null) query.whereNot('news_items.id', exceptId)
  return query
}

/**
 * Published items, newest first, optionally of one topic and/or keyword
 * (by slug; an unknown slug gives no items), paginated.
 */
export async function newsPage(
  filters: { topic?: Topic | null; keyword?: Keyword | null },
  page: number,
  perPage = NEWS_PAGE_SIZE
) {
  return NewsItem.query()
    .withScopes((scopes) => {
      scopes.published()
      if (filters.topic) scopes.inTopic(filters.topic.id)
      if (filters.keyword) scopes.withKeyword(filters.keyword.id)
      scopes.latestFirst()
    })
    .preload('topics')
    .preload('keywords')
    .paginate(page, perPage)
}

/**
 * The API's list, filtered by topic and keyword slug: an unknown slug
 * matches no item, so the answer is an empty page rather than an error.
 */
export async function newsPageBySlugs(
  slugs: { topic?: string; keyword?: string },
  page: number,
  perPage: number
): Promise<{ items: NewsItem[]; total: number }> {
  const [topic, keyword] = await Promise.all([
    slugs.topic ? Topic.findBy('slug', slugs.topic) : null,
    slugs.keyword ? Keyword.findBy('slug', slugs.keyword) : null,
  ])
  if ((slugs.topic && !topic) || (slugs.keyword && !keyword)) return { items: [], total: 0 }
  const result = await newsPage({ topic, keyword }, page, perPage)
  return { items: result.all(), total: result.total }
}

/** A keyword's page: its published items and its published vendors; unknown slug: 404. */
export async function keywordPage(slug: string) {
  const keyword = await Keyword.findByOrFail('slug', slug)
  const [news, vendors] = await Promise.all([
    NewsItem.query()
      .withScopes((scopes) => {
        scopes.published()
        scopes.withKeyword(keyword.id)
        scopes.latestFirst()
      })
      .limit(100),
    Vendor.query()
      .withScopes((scopes) => scopes.published())
      .whereIn('vendors.id', (sub) =>
        sub.from('vendor_keywords').select('vendor_id').where('keyword_id', keyword.id)
      )
      .orderBy('name', 'asc')
      .limit(100),
  ])
  return { keyword, news, vendors }
}

/**
 * schema.org NewsArticle, as a string that is safe inside
 * <script type="application/ld+json">: "<" can never close the tag.
 */
export function newsArticleJsonLd(item: NewsItem, url: string): string {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    'headline': item.title,
    'description': item.teaser,
    'datePublished': item.publishedOn.toISODate(),
    'dateModified': item.updatedAt?.toISO() ?? undefined,
    'mainEntityOfPage': url,
    'url': url,
    'articleSection': item.topics?.[0]?.name,
    'keywords': item.keywords?.map((keyword) => keyword.name).join(', ') || undefined,
  }
  if (item.vendor) {
    data.author = {
      '@type': 'Organization',
      'name': item.vendor.name,
      'url': absoluteUrl(urlFor('vendors.show', { slug: item.vendor.slug })),
    }
  }
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
}

/** A `mailto:` with the item's title as subject and its absolute URL as body. */
export function mailtoLink(subject: string, url: string): string {
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(url)}`
}

/** What the news page shows beyond the model: safe HTML, canonical URL, structured data. */
export function newsView(item: NewsItem) {
  const canonical = absoluteUrl(urlFor('news.show', { slug: item.slug }))
  return {
    item,
    topic: item.topics[0] ?? null,
    bodyHtml: renderMarkdown(item.body),
    canonical,
    jsonLd: newsArticleJsonLd(item, canonical),
    mailto: mailtoLink(item.kicker ? `${item.kicker} ${item.title}` : item.title, canonical),
  }
}
