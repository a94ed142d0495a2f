import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { vendorSearchText } from '#services/search/fold'
import DirectoryChanged from '#events/directory_changed'

/**
 * Writes vendors.search_text, the folded text behind the full-text index.
 * The index itself (FTS5 triggers on SQLite, a generated tsvector on
 * PostgreSQL) follows that column on its own.
 *
 * Call it after anything that changes what a vendor is found by: its own
 * fields, its topic links, or a topic's name.
 */
export async function refreshSearchText(vendorIds: number[], trx?: TransactionClientContract) {
  const client = trx ?? db
  for (let start = 0; start < vendorIds.length; start += 500) {
    const ids = vendorIds.slice(start, start + 500)
    const vendors = await client
      .from('vendors')
      .whereIn('id', ids)
      .select('id', 'name', 'postal_code', 'city', 'state', 'description', 'search_text')
    const links = await client
      .from('vendor_topics')
      .join('topics', 'topics.id', 'vendor_topics.topic_id')
      .whereIn('vendor_topics.vendor_id', ids)
      .select('vendor_topics.vendor_id', 'topics.name')

    const topicNames = new Map<number, string[]>()
    for (const link of links) {
      topicNames.set(link.vendor_id, [...(topicNames.get(link.vendor_id) ?? []), link.name])
    }

    for (const vendor of vendors) {
      const text = vendorSearchText(
        { ...vendor, postalCode: vendor.postal_code },
        topicNames.get(vendor.id) ?? []
      )
      if (text !== vendor.search_text) {
        await client.from('vendors').where('id', vendor.id).update({ search_text: text })
      }
    }
  }
  // Callers refresh after changing fields or topic links: readers must see it.
  await DirectoryChanged.dispatch(trx)
}

/** After a topic is renamed: every vendor linked to it is found by the new name. */
export async function refreshTopicSearchText(topicId: number, trx?: TransactionClientContract) {
  const client = trx ?? db
  const rows = await client.from('vendor_topics').where('topic_id', topicId).select('vendor_id')
  await refreshSearchText(
    rows.map((row) => row.vendor_id),
    trx
  )
}
