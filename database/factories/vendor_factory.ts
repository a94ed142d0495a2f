import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import Vendor from '#models/vendor'
import { TopicFactory } from '#database/factories/topic_factory'
import { refreshSearchText } from '#services/search/search_index'

let sequence = 0

/**
 * Vendors in any status, 'draft' by default. After each create the folded
 * search text is written, topics included, so the full-text index finds
 * the vendor exactly as the app would.
 */
export const VendorFactory = factory
  .define(Vendor, ({ faker }) => {
    sequence += 1
    const name = `${faker.company.name()} ${sequence}`
    return {
      slug: `${faker.helpers.slugify(name).toLowerCase()}-${sequence}`,
      name,
      street: faker.location.streetAddress(),
      postalCode: faker.string.numeric(5),
      city: faker.location.city(),
      state: null,
      country: 'DE',
      phone: null,
      email: null,
      website: null,
      description: faker.lorem.paragraph(),
      logoPath: null,
      status: 'draft' as const,
      publishedAt: null,
      latitude: null,
      longitude: null,
      searchText: '',
    }
  })
  .state('draft', (vendor) => {
    vendor.status = 'draft'
    vendor.publishedAt = null
  })
  .state('published', (vendor) => {
    vendor.status = 'published'
    vendor.publishedAt = DateTime.now()
  })
  .relation('topics', () => TopicFactory)
  .after('create', async (_factory, vendor, ctx) => {
    await refreshSearchText([vendor.id], ctx.$trx)
    await vendor.refresh()
  })
  .build()
