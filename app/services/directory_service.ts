import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { SimplePaginator } from '@adonisjs/lucid/database'
import Topic from '#models/topic'
import Vendor from '#models/vendor'
import { DirectoryCache } from '#services/directory_cache'

export type TopicWithCount = {
  id: number
  slug: string
  name: string
  description: string
  vendorCount: number
}

/**
 * A topic's published vendors, in reading order (name, case-insensitive),
 * with their postal codes for the PLZ filter. The rotation of the vendor
 * box uses `byId`, which never reorders when a vendor is renamed.
 */
export type TopicMembers = {
  ids: Int32Array
  postalCodes: string[]
  byId: Int32Array
}

/** What a place of the vendor box shows of a vendor. */
export type VendorBoxRow = Pick<Vendor, 'id' | 'slug' | 'name' | 'postalCode' | 'city'>

/**
 * Read side of the directory: what readers may see, published vendors only.
 * The topic page, the topic API and the placement decision read topics and
 * their vendor lists through the directory cache, so a page view costs a
 * lookup by primary key instead of a join over the whole topic.
 */
@inject()
export default class DirectoryService {
  constructor(private cache: DirectoryCache) {}

  /** Topics in their editorial order, each with its number of published vendors. */
  async topicsWithCounts(): Promise<TopicWithCount[]> {
    return this.cache.remember('topics:counts', async () => {
      const rows = await db
        .from('topics')
        .leftJoin('vendor_topics', 'vendor_topics.topic_id', 'topics.id')
        .leftJoin('vendors', (join) => {
          join
            .on('vendors.id', '=', 'vendor_topics.vendor_id')
            .andOnVal('vendors.status', '=', 'published')
        })
        .select('topics.id', 'topics.slug', 'topics.name', 'topics.description', 'topics.position')
        .count('vendors.id as vendor_count')
        .groupBy('topics.id', 'topics.slug', 'topics.name', 'topics.description', 'topics.position')
        .orderBy('topics.position', 'asc')
        .orderBy('topics.name', 'asc')

      return rows.map((row) => ({
        id: row.id,
        slug: row.slug,
        name: row.name,
        description: row.description,
        vendorCount: Number(row.vendor_count),
      }))
    })
  }

  /** The topic (read-only: it may be shared with other requests), or a 404. */
  async topicBySlug(slug: string): Promise<Topic> {
    const topics = await this.cache.remember('topics:by-slug', async () => {
      const all = await Topic.all()
      return new Map(all.map((topic) => [topic.slug, topic]))
    })
    const topic = topics.get(slug)
    if (!topic) throw new lucidErrors.E_ROW_NOT_FOUND(Topic)
    return topic
  }

  /**
   * Whether any postal codes are imported, and so whether a radius search is
   * possible. Pages with the search form ask on every view, so the answer
   * is cached like the topics; an import by `geo:import` (another process)
   * shows within the cache's TTL.
   */
  async radiusAvailable(): Promise<boolean> {
    return this.cache.remember('postal-codes:available', async () =>
      Boolean(await db.from('postal_codes').select('code').first())
    )
  }

  async topicMembers(topicId: number): Promise<TopicMembers> {
    return this.cache.remember(`topics:${topicId}:members`, async () => {
      const rows: { id: number; postal_code: string }[] = await db
        .from('vendor_topics')
        .join('vendors', 'vendors.id', 'vendor_topics.vendor_id')
        .where('vendor_topics.topic_id', topicId)
        .where('vendors.status', 'published')
        .select('vendors.id', 'vendors.postal_code')
        .orderByRaw('lower(vendors.name) asc, vendors.id asc')
      const ids = Int32Array.from(rows, (row) => row.id)
      return {
        ids,
        postalCodes: rows.map((row) => row.postal_code),
        byId: Int32Array.from(ids).sort(),
      }
    })
  }

  /** The full, paginated list of a topic's published vendors, optionally by PLZ prefix. */
  async topicVendors(topic: Topic, options: { plz?: string; page: number; perPage: number }) {
    const members = await this.topicMembers(topic.id)
    const plz = options.plz
    const ids = plz
      ? members.ids.filter((_, index) => members.postalCodes[index].startsWith(plz))
      : members.ids
    const start = (options.page - 1) * options.perPage
    const pageIds = Array.from(ids.subarray(start, start + options.perPage))
    const vendors = await this.vendorsInOrder(pageIds, [
      'id',
      'slug',
      'name',
      'postal_code',
      'city',
    ])
    return new SimplePaginator(ids.length, options.perPage, options.page, ...vendors)
  }

  /**
   * Published vendors by id, in the order of `ids` (one query by primary
   * key). The status is checked here rather than in SQL: with it in the
   * WHERE clause, SQLite without statistics walks the status index instead.
   * A vendor unpublished since the cache was filled is left out.
   */
  async vendorsInOrder(ids: number[], columns: string[]): Promise<Vendor[]> {
    if (ids.length === 0) return []
    const rows = await Vendor.query()
      .whereIn('id', ids)
      .select([...columns, 'status'])
    const byId = new Map(rows.filter((row) => row.isPublished).map((row) => [row.id, row]))
    return ids.map((id) => byId.get(id)).filter((row): row is Vendor => row !== undefined)
  }

  /**
   * The box rows of published vendors among `ids` (any order), as plain
   * rows: the placement fetches hundreds at a time while it rotates, where
   * making models of them would cost most of the query. The status is
   * checked here, as in `vendorsInOrder`.
   */
  async publishedBoxRows(ids: number[]): Promise<VendorBoxRow[]> {
    if (ids.length === 0) return []
    const rows: (VendorBoxRow & { status: string })[] = await db
      .from('vendors')
      .whereIn('id', ids)
      .select('id', 'slug', 'name', 'postal_code as postalCode', 'city', 'status')
    return rows
      .filter((row) => row.status === 'published')
      .map(({ id, slug, name, postalCode, city }) => ({ id, slug, name, postalCode, city }))
  }

  /** A published vendor with its topics; 404 for unknown or unpublished ones. */
  async publishedVendor(slug: string) {
    return Vendor.query()
      .withScopes((scopes) => scopes.published())
      .where('slug', slug)
      .preload('topics', (query) => query.withScopes((s) => s.ordered()))
      .firstOrFail()
  }

  /** Whether anyone acts for the vendor; a member-less published vendor can be claimed. */
  async hasMembers(vendor: Vendor) {
    const row = await db.from('vendor_members').where('vendor_id', vendor.id).select('id').first()
    return !!row
  }
}
