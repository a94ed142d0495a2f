import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import VendorPolicy from '#policies/vendor_policy'
import MembershipService from '#services/vendors/membership_service'
import { appUrl } from '#services/mail/app_url'
import MailLimit from '#services/mail/mail_limit'
import { invitationValidator } from '#validators/membership_validator'
import { findAccountVendor } from '#services/accounts/account_vendor'

/** Owners invite colleagues by e-mail; the invited user accepts while signed in. */
@inject()
export default class InvitationsController {
  constructor(
    private memberships: MembershipService,
    private mailLimit: MailLimit
  ) {}

  async store({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    const vendor = await findAccountVendor(bouncer, params.id)
    await bouncer.with(VendorPolicy).authorize('manageMembers', vendor)
    const input = await request.validateUsing(invitationValidator)
    const email = input.email.trim().toLowerCase()
    // Over the mail limit nothing changes (an earlier link stays valid); the answer is the same.
    if (await this.mailLimit.allow('invitation', email, request.ip())) {
      const role = input.role ?? 'member'
      await this.memberships.invite(auth.getUserOrFail(), vendor, { email, role }, appUrl(request))
    }
    session.flash('notice', i18n.t('vendor_account.flash.invited', { email }))
    return response.redirect().toRoute('account.vendors.show', { id: vendor.id })
  }

  /** The link from the e-mail: who invites to what, and a button to accept. */
  async show({ auth, params, view }: HttpContext) {
    const invitation = await this.memberships.openInvitation(params.token)
    const matches = invitation.isFor(auth.getUserOrFail())
    return view.render('pages/account/vendors/invitation', {
      invitation,
      matches,
      token: params.token,
    })
  }

  /** A spent link, or one sent to another address, is refused with a page that says so. */
  async accept({ auth, params, response, session, i18n }: HttpContext) {
    const member = await this.memberships.accept(auth.getUserOrFail(), params.token)
    session.flash('notice', i18n.t('vendor_account.flash.joined'))
    return response.redirect().toRoute('account.vendors.show', { id: member.vendorId })
  }
}
