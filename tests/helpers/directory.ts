import app from '@adonisjs/core/services/app'
import type Topic from '#models/topic'
import type Vendor from '#models/vendor'
import { VendorFactory } from '#database/factories/vendor_factory'
import { PostalCodeFactory } from '#database/factories/postal_code_factory'
import { refreshSearchText } from '#services/search/search_index'
import { DirectoryCache } from '#services/directory_cache'

/**
 * A published vendor linked to existing topics, with its search text
 * written (topic names included), as the app itself would leave it.
 * Pass `status` to make a vendor in another state.
 */
export async function createVendor(attributes: Partial<Vendor> = {}, topics: Topic[] = []) {
  const { status = 'published', ...rest } = attributes
  const vendor = await VendorFactory.merge(rest).apply(status).create()
  if (topics.length) {
    await vendor.related('topics').attach(topics.map((topic) => topic.id))
    await refreshSearchText([vendor.id])
    await vendor.refresh()
  }
  return vendor
}

/** Postal codes with coordinates, as geo:import would leave them. */
export async function createPostalCodes(
  rows: { code: string; place: string; latitude: number; longitude: number; state?: string }[]
) {
  return PostalCodeFactory.merge(rows.map((row) => ({ state: null, ...row }))).createMany(
    rows.length
  )
}

/**
 * Turns the process's directory cache on (tests run with it off), empty;
 * the returned cleanup turns it off again. For `group.each.setup`.
 */
export async function withDirectoryCache() {
  const cache = await app.container.make(DirectoryCache)
  cache.ttlMs = 60_000
  cache.clear()
  return () => {
    cache.ttlMs = 0
    cache.clear()
  }
}
