import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import VendorMember from '#models/vendor_member'
import VendorPolicy from '#policies/vendor_policy'
import MembershipService from '#services/vendors/membership_service'
import { findAccountVendor } from '#services/accounts/account_vendor'

/** Owners remove colleagues; every member may leave. */
@inject()
export default class MembersController {
  constructor(private memberships: MembershipService) {}

  async destroy({ auth, bouncer, params, response, session, i18n }: HttpContext) {
    const vendor = await findAccountVendor(bouncer, params.id)
    const user = auth.getUserOrFail()
    const member = await VendorMember.query()
      .where('vendor_id', vendor.id)
      .where('id', params.memberId)
      .firstOrFail()
    await bouncer.with(VendorPolicy).authorize('removeMember', vendor, member)
    const leaving = member.userId === user.id

    await this.memberships.remove(user, member)
    session.flash('notice', i18n.t(`vendor_account.flash.${leaving ? 'left' : 'member_removed'}`))
    return leaving
      ? response.redirect().toRoute('account.vendors.index')
      : response.redirect().toRoute('account.vendors.show', { id: vendor.id })
  }
}
