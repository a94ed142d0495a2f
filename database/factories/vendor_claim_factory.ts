import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import VendorClaim from '#models/vendor_claim'
import { UserFactory } from '#database/factories/user_factory'
import { VendorFactory } from '#database/factories/vendor_factory'

/** A pending claim without a message. States 'granted' and 'refused' fill in what merges leave open. */
export const VendorClaimFactory = factory
  .define(VendorClaim, () => ({
    message: null,
    status: 'pending' as const,
    reason: null,
    decidedById: null,
    decidedAt: null,
  }))
  .state('granted', (claim) => {
    claim.status = 'granted'
    claim.decidedAt ??= DateTime.now()
  })
  .state('refused', (claim) => {
    claim.status = 'refused'
    claim.reason ??= 'Nicht nachgewiesen.'
    claim.decidedAt ??= DateTime.now()
  })
  .relation('vendor', () => VendorFactory)
  .relation('user', () => UserFactory)
  .build()
