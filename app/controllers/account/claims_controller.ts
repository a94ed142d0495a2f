import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Vendor from '#models/vendor'
import VendorPolicy from '#policies/vendor_policy'
import ClaimService from '#services/vendors/claim_service'
import { claimValidator } from '#validators/membership_validator'

/** "Eintrag übernehmen": a signed-in user asks to take over a vendor without members. */
@inject()
export default class ClaimsController {
  constructor(private claims: ClaimService) {}

  async create({ bouncer, params, view }: HttpContext) {
    const vendor = await Vendor.query()
      .withScopes((scopes) => scopes.published())
      .where('slug', params.slug)
      .firstOrFail()
    const allowed = await bouncer.with(VendorPolicy).allows('claim', vendor)
    return view.render('pages/account/vendors/claim', { vendor, allowed })
  }

  async store({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    const vendor = await Vendor.query()
      .withScopes((scopes) => scopes.published())
      .where('slug', params.slug)
      .firstOrFail()
    await bouncer.with(VendorPolicy).authorize('claim', vendor)
    const input = await request.validateUsing(claimValidator)
    await this.claims.request(auth.getUserOrFail(), vendor, input.message)
    session.flash('notice', i18n.t('vendor_account.flash.claimed', { name: vendor.name }))
    return response.redirect().toRoute('account.vendors.index')
  }
}
