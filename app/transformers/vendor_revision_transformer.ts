import { BaseTransformer } from '@adonisjs/core/transformers'
import type VendorRevision from '#models/vendor_revision'

/** A revision's state after an editorial decision. */
export default class VendorRevisionTransformer extends BaseTransformer<VendorRevision> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'vendorId', 'status', 'reason']),
      decidedAt: this.resource.decidedAt?.toUTC().toISO() ?? null,
    }
  }
}
