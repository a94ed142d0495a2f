import type { HttpContext } from '@adonisjs/core/http'
import { AUDIT_ACTIONS } from '#models/audit_log'
import { auditChanges, auditLog } from '#queries/editorial_listing'
import { validateQuery } from '#services/forms'
import { auditFilterValidator } from '#validators/editorial_validator'

export default class AuditController {
  /** Every audited action, newest first; by vendor and action. */
  async index(ctx: HttpContext) {
    const { input: filter, errors } = await validateQuery(ctx, auditFilterValidator)
    if (!filter) {
      return ctx.view.render('pages/editorial/audit', {
        filter: ctx.request.qs(),
        errors,
        actions: AUDIT_ACTIONS,
      })
    }
    const log = await auditLog(filter)
    const vendorErrors: Record<string, string> = {}
    if (log.vendor === undefined) {
      vendorErrors.vendor = ctx.i18n.t('editorial.audit.unknown_vendor')
      ctx.response.status(422)
    }
    const data = { filter, errors: vendorErrors, actions: AUDIT_ACTIONS, changesOf: auditChanges }
    return ctx.view.render('pages/editorial/audit', { ...data, ...log })
  }
}
