import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import VendorRevision from '#models/vendor_revision'
import ModerationService from '#services/moderation/moderation_service'
import { revisionReview } from '#queries/review_view'
import { decisionReasonValidator } from '#validators/editorial_validator'

@inject()
export default class RevisionsController {
  constructor(private moderation: ModerationService) {}

  /** The revision side by side with the published version. */
  async show({ params, view }: HttpContext) {
    const revision = await VendorRevision.findOrFail(params.id)
    return view.render('pages/editorial/revisions/show', await revisionReview(revision))
  }

  async approve({ auth, params, response, session, i18n }: HttpContext) {
    await this.moderation.approveRevision(auth.user!, params.id)
    session.flash('notice', i18n.t('editorial.notices.revision_approved'))
    return response.redirect().toRoute('editorial.queue')
  }

  async reject({ auth, params, request, response, session, i18n }: HttpContext) {
    const { reason } = await request.validateUsing(decisionReasonValidator)
    await this.moderation.rejectRevision(auth.user!, params.id, reason)
    session.flash('notice', i18n.t('editorial.notices.revision_rejected'))
    return response.redirect().toRoute('editorial.queue')
  }
}
