import { BaseTransformer } from '@adonisjs/core/transformers'
import type VendorMember from '#models/vendor_member'

/** A vendor as its member sees it in `GET /api/v1/me`. Expects `vendor` preloaded. */
export default class VendorMemberTransformer extends BaseTransformer<VendorMember> {
  toObject() {
    return {
      slug: this.resource.vendor.slug,
      name: this.resource.vendor.name,
      role: this.resource.role,
    }
  }
}
