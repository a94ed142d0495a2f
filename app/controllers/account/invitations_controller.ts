import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import Vendor from '#models/vendor'
import VendorPolicy from '#policies/vendor_policy'
import MembershipService, { MembershipError } from '#services/vendors/membership_service'
import { appUrl } from '#services/mail/app_url'
import { invitationValidator } from '#validators/membership_validator'

/** Owners invite colleagues by e-mail; the invited user accepts while signed in. */
@inject()
export default class InvitationsController {
  constructor(private memberships: MembershipService) {}

  async store({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    const vendor = await Vendor.findOrFail(params.id)
    await bouncer.with(VendorPolicy).authorize('manageMembers', vendor)
    const input = await request.validateUsing(invitationValidator)
    const invitation = await this.memberships
      .invite(
        auth.getUserOrFail(),
        vendor,
        { email: input.email, role: input.role ?? 'member' },
        appUrl(request)
      )
      .catch((error) => {
        if (!(error instanceof MembershipError)) throw error
        const message = i18n.t(`vendor_account.members.errors.${error.problem}`)
        throw new vineErrors.E_VALIDATION_ERROR([{ field: 'email', message, rule: error.problem }])
      })
    session.flash('notice', i18n.t('vendor_account.flash.invited', { email: invitation.email }))
    return response.redirect().toRoute('account.vendors.show', { id: vendor.id })
  }

  /** The link from the e-mail: who invites to what, and a button to accept. */
  async show({ auth, params, response, view }: HttpContext) {
    const invitation = await this.memberships.openInvitation(params.token)
    if (!invitation)
      return response
        .status(404)
        .send(await view.render('pages/account/vendors/invitation_invalid'))
    const matches = invitation.isFor(auth.getUserOrFail())
    return view.render('pages/account/vendors/invitation', {
      invitation,
      matches,
      token: params.token,
    })
  }

  async accept({ auth, params, response, session, i18n, view }: HttpContext) {
    const member = await this.memberships
      .accept(auth.getUserOrFail(), params.token)
      .catch(async (error) => {
        if (!(error instanceof MembershipError)) throw error
        return error
      })
    if (member instanceof MembershipError) {
      const status = member.problem === 'wrong_email' ? 403 : 404
      return response
        .status(status)
        .send(
          await view.render('pages/account/vendors/invitation_invalid', { problem: member.problem })
        )
    }
    session.flash('notice', i18n.t('vendor_account.flash.joined'))
    return response.redirect().toRoute('account.vendors.show', { id: member.vendorId })
  }
}
