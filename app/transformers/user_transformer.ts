import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'
import VendorMemberTransformer from '#transformers/vendor_member_transformer'

/**
 * `GET /api/v1/me`: the user, the role and the vendors they act for, by
 * vendor name. Expects `memberships` with their `vendor` preloaded.
 */
export default class UserTransformer extends BaseTransformer<User> {
  toObject() {
    const memberships = [...this.resource.memberships].sort((a, b) =>
      a.vendor.name.localeCompare(b.vendor.name, 'de')
    )
    return {
      ...this.pick(this.resource, ['id', 'email', 'name', 'role', 'locale']),
      vendors: VendorMemberTransformer.transform(memberships),
    }
  }
}
