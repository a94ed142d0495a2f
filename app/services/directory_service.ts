import db from '@adonisjs/lucid/services/db'
import Topic from '#models/topic'
import Vendor from '#models/vendor'

export type TopicWithCount = {
  id: number
  slug: string
  name: string
  description: string
  vendorCount: number
}

/**
 * Read side of the directory: what readers may see, published vendors only.
 */
export default class DirectoryService {
  /** Topics in their editorial order, each with its number of published vendors. */
  async topicsWithCounts(): Promise<TopicWithCount[]> {
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
  }

  async topicBySlug(slug: string) {
    return Topic.findByOrFail('slug', slug)
  }

  /** The full, paginated list of a topic's published vendors, optionally by PLZ prefix. */
  async topicVendors(topic: Topic, options: { plz?: string; page: number; perPage: number }) {
    return Vendor.query()
      .withScopes((scopes) => {
        scopes.published()
        scopes.inTopic(topic.id)
        if (options.plz) scopes.postalCodePrefix(options.plz)
      })
      .select('id', 'slug', 'name', 'postal_code', 'city')
      .orderByRaw('lower(vendors.name) asc, vendors.id asc')
      .paginate(options.page, options.perPage)
  }

  /** A published vendor with its topics; 404 for unknown or unpublished ones. */
  async publishedVendor(slug: string) {
    return Vendor.query()
      .withScopes((scopes) => scopes.published())
      .where('slug', slug)
      .preload('topics', (query) => query.withScopes((s) => s.ordered()))
      .firstOrFail()
  }

  /** Whether anyone acts for the vendor; one without members can be claimed. */
  async hasMembers(vendor: Vendor) {
    const row = await db.from('vendor_members').where('vendor_id', vendor.id).select('id').first()
    return !!row
  }
}
