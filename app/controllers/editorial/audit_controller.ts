import type { HttpContext } from '@adonisjs/core/http'
import { AUDIT_ACTIONS } from '#models/audit_log'
import { auditLog } from '#queries/editorial_listing'
import { validateQuery } from '#services/forms'
import { auditFilterValidator } from '#validators/editorial_validator'

export default class AuditController {
  /** Every audited action in words, newest first; by vendor name and action. */
  async index(ctx: HttpContext) {
    const { input: filter, errors } = await validateQuery(ctx, auditFilterValidator)
    if (!filter) {
      return ctx.view.render('pages/editorial/audit', {
        filter: ctx.request.qs(),
        errors,
        actions: AUDIT_ACTIONS,
      })
    }
    const log = await auditLog(filter, ctx.i18n)
    const vendorErrors: Record<string, string> = {}
    if (log.entries === null) {
      vendorErrors.vendor = ctx.i18n.t('editorial.audit.unknown_vendor')
      ctx.response.status(422)
    }
    return ctx.view.render('pages/editorial/audit', {
      ...log,
      filter: { ...filter, vendor: filter.vendor ?? log.vendors[0]?.name },
      errors: vendorErrors,
      actions: AUDIT_ACTIONS,
    })
  }
}
