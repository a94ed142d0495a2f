import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'

/** The sitemap protocol allows 50,000 URLs per file. */
export const SITEMAP_PAGE_SIZE = 50000

export type SitemapEntry = { path: string; lastmod?: string }

/**
 * Public URLs for search engines: the home page, every topic, every
 * published vendor and every published news item. Large directories get
 * a sitemap index with pages.
 */
export default class SitemapService {
  async pageCount(): Promise<number> {
    const topics = await db.from('topics').count('* as total').first()
    const vendors = await db
      .from('vendors')
      .where('status', 'published')
      .count('* as total')
      .first()
    const news = await db
      .from('news_items')
      .where('status', 'published')
      .count('* as total')
      .first()
    const urls =
      1 + Number(topics?.total ?? 0) + Number(vendors?.total ?? 0) + Number(news?.total ?? 0)
    return Math.max(1, Math.ceil(urls / SITEMAP_PAGE_SIZE))
  }

  /** Entries of page `page` (1-based): home and topics first, then vendors by id, then news by id. */
  async entries(page: number): Promise<SitemapEntry[]> {
    const entries: SitemapEntry[] = []
    let skip = (page - 1) * SITEMAP_PAGE_SIZE
    if (page === 1) {
      entries.push({ path: urlFor('home') })
      const topics = await db.from('topics').select('slug', 'updated_at').orderBy('position')
      for (const topic of topics) {
        entries.push({
          path: urlFor('topics.show', { slug: topic.slug }),
          lastmod: isoDate(topic.updated_at),
        })
      }
    } else {
      const topics = await db.from('topics').count('* as total').first()
      skip -= 1 + Number(topics?.total ?? 0)
    }
    const vendors = await db
      .from('vendors')
      .where('status', 'published')
      .select('slug', 'updated_at')
      .orderBy('id')
      .offset(Math.max(0, skip))
      .limit(SITEMAP_PAGE_SIZE - entries.length)
    for (const vendor of vendors) {
      entries.push({
        path: urlFor('vendors.show', { slug: vendor.slug }),
        lastmod: isoDate(vendor.updated_at),
      })
    }
    if (entries.length < SITEMAP_PAGE_SIZE) {
      // News follow the vendors: skip what earlier pages held of them.
      const vendorCount = await db
        .from('vendors')
        .where('status', 'published')
        .count('* as total')
        .first()
      const news = await db
        .from('news_items')
        .where('status', 'published')
        .select('slug', 'updated_at')
        .orderBy('id')
        .offset(Math.max(0, skip - Number(vendorCount?.total ?? 0)))
        .limit(SITEMAP_PAGE_SIZE - entries.length)
      for (const item of news) {
        entries.push({
          path: urlFor('news.show', { slug: item.slug }),
          lastmod: isoDate(item.updated_at),
        })
      }
    }
    return entries
  }
}

function isoDate(value: string | Date | null): string | undefined {
  if (!value) return undefined
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10)
}
