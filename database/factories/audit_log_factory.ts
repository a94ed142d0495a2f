import factory from '@adonisjs/lucid/factories'
import AuditLog from '#models/audit_log'

/**
 * An audit entry by the system about a vendor; merge the actor, action and
 * subject a test needs. The app itself writes entries through AuditService.
 */
export const AuditLogFactory = factory
  .define(AuditLog, () => ({
    actorId: null,
    actorLabel: 'system',
    action: 'vendor.import' as const,
    subjectType: 'vendor' as const,
    subjectId: null,
    vendorId: null,
    before: null,
    after: null,
  }))
  .build()
