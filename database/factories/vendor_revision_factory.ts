import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import { profileOf } from '#models/vendor'
import VendorRevision from '#models/vendor_revision'
import { UserFactory } from '#database/factories/user_factory'
import { VendorFactory } from '#database/factories/vendor_factory'

/**
 * A pending revision of some made-up vendor, without topics. Merge a real
 * `data` snapshot: the vendor's own (snapshotOf) with the proposed changes. States: 'approved',
 * 'rejected', 'superseded'; they fill in only the reason and date that
 * merged attributes leave open.
 */
export const VendorRevisionFactory = factory
  .define(VendorRevision, async () => ({
    data: { ...profileOf(await VendorFactory.make()), logoPath: null, topicIds: [] },
    status: 'pending' as const,
    reason: null,
    decidedById: null,
    decidedAt: null,
  }))
  .state('approved', (revision) => {
    revision.status = 'approved'
    revision.decidedAt ??= DateTime.now()
  })
  .state('rejected', (revision) => {
    revision.status = 'rejected'
    revision.reason ??= 'Bitte prüfen Sie die Angaben.'
    revision.decidedAt ??= DateTime.now()
  })
  .state('superseded', (revision) => {
    revision.status = 'superseded'
  })
  .relation('vendor', () => VendorFactory)
  .relation('author', () => UserFactory)
  .build()
