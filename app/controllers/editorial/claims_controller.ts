import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import VendorClaim from '#models/vendor_claim'
import VendorMember from '#models/vendor_member'
import ModerationService from '#services/moderation/moderation_service'
import { decisionReasonValidator } from '#validators/editorial_validator'

@inject()
export default class ClaimsController {
  constructor(private moderation: ModerationService) {}

  /** Who claims which vendor, with their message and the vendor's members (if any by now). */
  async show({ params, view }: HttpContext) {
    const claim = await VendorClaim.query()
      .where('id', params.id)
      .preload('vendor')
      .preload('user')
      .firstOrFail()
    const members = await VendorMember.query().where('vendor_id', claim.vendorId).preload('user')
    return view.render('pages/editorial/claims/show', { claim, members })
  }

  async grant({ auth, params, response, session, i18n }: HttpContext) {
    await this.moderation.grantClaim(auth.user!, params.id)
    session.flash('notice', i18n.t('editorial.notices.claim_granted'))
    return response.redirect().toRoute('editorial.queue')
  }

  async refuse({ auth, params, request, response, session, i18n }: HttpContext) {
    const { reason } = await request.validateUsing(decisionReasonValidator)
    await this.moderation.refuseClaim(auth.user!, params.id, reason)
    session.flash('notice', i18n.t('editorial.notices.claim_refused'))
    return response.redirect().toRoute('editorial.queue')
  }
}
