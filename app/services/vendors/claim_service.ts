import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import type Vendor from '#models/vendor'
import VendorClaim from '#models/vendor_claim'
import AuditService from '#services/audit_service'

/**
 * Claims of published vendors without members ("Eintrag übernehmen").
 * A signed-in user asks; an editor grants (the user becomes owner) or
 * refuses in the editorial area.
 */
@inject()
export default class ClaimService {
  constructor(private audit: AuditService) {}

  async request(user: User, vendor: Vendor, message: string | null | undefined) {
    return db.transaction(async (trx) => {
      const claim = await VendorClaim.create(
        { vendorId: vendor.id, userId: user.id, message: message ?? null, status: 'pending' },
        { client: trx }
      )
      await this.audit.record(
        user,
        { action: 'claim.created', subjectType: 'claim', subjectId: claim.id, vendorId: vendor.id },
        trx
      )
      return claim
    })
  }
}
