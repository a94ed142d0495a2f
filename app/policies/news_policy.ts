import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type Vendor from '#models/vendor'
import VendorMember from '#models/vendor_member'

/**
 * Who may write news: editors write, publish, unpublish and decide on
 * press releases; a vendor's members submit press releases for their own
 * vendor. For anyone else that vendor's press-release form does not exist.
 */
export default class NewsPolicy extends BasePolicy {
  manage(user: User): AuthorizerResponse {
    return user.isEditor && !user.isDisabled
  }

  async submit(user: User, vendor: Vendor): Promise<AuthorizerResponse> {
    const member = await VendorMember.query()
      .where('vendor_id', vendor.id)
      .where('user_id', user.id)
      .first()
    if (!member || user.isDisabled) return AuthorizationResponse.deny('Not found', 404)
    if (vendor.status !== 'published') return false
    if (!user.isConfirmed) {
      return AuthorizationResponse.deny('Please confirm your e-mail address first').t(
        'errors.email_unconfirmed'
      )
    }
    return true
  }
}
