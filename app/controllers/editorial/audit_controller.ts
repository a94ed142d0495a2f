import type { HttpContext } from '@adonisjs/core/http'
import EditorialPolicy from '#policies/editorial_policy'
import { AUDIT_ACTIONS, auditChanges, auditLog } from '#services/moderation/editorial_listing'
import { fieldErrorsOf } from '#services/forms'
import { auditFilterValidator } from '#validators/editorial_validator'

export default class AuditController {
  /** Every decision and role change, newest first; by vendor and action. */
  async index({ bouncer, request, response, view, i18n }: HttpContext) {
    await bouncer.with(EditorialPolicy).authorize('access')
    const query = request.qs()
    let filter
    try {
      filter = await auditFilterValidator.validate(query)
    } catch (error) {
      const errors = fieldErrorsOf(error)
      if (!errors) throw error
      response.status(422)
      return view.render('pages/editorial/audit', { filter: query, errors, actions: AUDIT_ACTIONS })
    }
    const log = await auditLog(filter)
    const errors: Record<string, string> = {}
    if (log.vendor === undefined) {
      errors.vendor = i18n.t('editorial.audit.unknown_vendor')
      response.status(422)
    }
    const data = { filter, errors, actions: AUDIT_ACTIONS, changesOf: auditChanges }
    return view.render('pages/editorial/audit', { ...data, ...log })
  }
}
