import { createHash } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AuditLog, { type AuditAction } from '#models/audit_log'
import type User from '#models/user'

export type AuditEntry = {
  action: AuditAction
  subjectType: AuditLog['subjectType']
  subjectId: number | null
  vendorId?: number | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

/**
 * The audit log: every editorial decision and every role change, with who,
 * what, when, and before/after. Write it in the same transaction as the
 * change it records.
 */
export default class AuditService {
  async record(actor: User | null, entry: AuditEntry, trx?: TransactionClientContract) {
    return AuditLog.create(
      {
        actorId: actor?.id ?? null,
        actorLabel: actor ? `${actor.name} <${actor.email}>` : 'system',
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        vendorId: entry.vendorId ?? null,
        before: entry.before ?? null,
        after: entry.after ?? null,
      },
      { client: trx }
    )
  }

  /**
   * A deleted account keeps its audit entries under a pseudonym: stable for
   * the same account, and not reversible to the person.
   */
  static pseudonymFor(userId: number, secret: string) {
    const digest = createHash('sha256').update(`${secret}:${userId}`).digest('hex').slice(0, 10)
    return `deleted-user-${digest}`
  }

  async pseudonymize(user: User, secret: string, trx?: TransactionClientContract) {
    await AuditLog.query({ client: trx })
      .where('actor_id', user.id)
      .update({ actorLabel: AuditService.pseudonymFor(user.id, secret), actorId: null })
  }
}
