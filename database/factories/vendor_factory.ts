import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import Vendor from '#models/vendor'
import { slugify } from '#services/slug'
import { refreshSearchText } from '#services/search/search_index'
import { TopicFactory } from '#database/factories/topic_factory'
import { VendorMemberFactory } from '#database/factories/vendor_member_factory'
import { VendorRevisionFactory } from '#database/factories/vendor_revision_factory'

let sequence = 0

/**
 * Vendors, 'draft' by default, with a state for every status
 * (VENDOR_STATUSES). States only fill in the dates and reason that merged
 * attributes leave open. After each create the folded search text is
 * written, topics included, so the full-text index finds the vendor exactly
 * as the app would.
 */
export const VendorFactory = factory
  .define(Vendor, ({ faker }) => {
    sequence += 1
    const name = `${faker.company.name()} ${sequence}`
    return {
      slug: `${slugify(name)}-${sequence}`,
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
  })
  .state('pending', (vendor) => {
    vendor.status = 'pending'
    vendor.submittedAt ??= DateTime.now()
  })
  .state('published', (vendor) => {
    vendor.status = 'published'
    vendor.publishedAt ??= DateTime.now()
  })
  .state('rejected', (vendor) => {
    vendor.status = 'rejected'
    vendor.rejectionReason ??= 'Bitte ergänzen Sie die Beschreibung.'
  })
  .state('archived', (vendor) => {
    vendor.status = 'archived'
  })
  .relation('topics', () => TopicFactory)
  .relation('members', () => VendorMemberFactory)
  .relation('revisions', () => VendorRevisionFactory)
  .after('create', async (_factory, vendor, ctx) => {
    await refreshSearchText([vendor.id], ctx.$trx)
    await vendor.refresh()
  })
  .build()
