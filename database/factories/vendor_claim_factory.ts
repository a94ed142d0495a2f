import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import VendorClaim from '#models/vendor_claim'
import { UserFactory } from '#database/factories/user_factory'
import { VendorFactory } from '#database/factories/vendor_factory'

/** A pending claim without a message. States: 'granted', 'refused'. */
export const VendorClaimFactory = factory
  .define(VendorClaim, () => ({
    message: null,
    status: 'pending' as const,
    reason: null,
    decidedById: null,
    decidedAt: null,
  }))
  .state('granted', (claim) => {
    claim.merge({ status: 'granted', decidedAt: DateTime.now() })
  })
  .state('refused', (claim) => {
    claim.merge({ status: 'refused', reason: 'Nicht nachgewiesen.', decidedAt: DateTime.now() })
  })
  .relation('vendor', () => VendorFactory)
  .relation('user', () => UserFactory)
  .build()
