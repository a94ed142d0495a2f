import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import DomainError from '#exceptions/domain_error'
import type { AuditAction } from '#models/audit_log'
import User, { type UserRole } from '#models/user'
import AuditService from '#services/audit_service'

/** What a change did to an account, for the audit log; null when it changed nothing. */
type AccountChange = {
  action: AuditAction
  before: Record<string, unknown>
  after: Record<string, unknown>
} | null

/**
 * Roles and disabling, for admins. An admin never changes their own role
 * or disables themselves, so the portal cannot lose its last admin by
 * accident. Disabling also revokes the user's API tokens.
 */
@inject()
export default class UserAdminService {
  constructor(private audit: AuditService) {}

  async changeRole(admin: User, userId: number, role: UserRole) {
    return this.#change(admin, userId, async (user) => {
      if (user.role === role) return null
      const before = { role: user.role }
      user.role = role
      return { action: 'user.role', before, after: { role } }
    })
  }

  async setDisabled(admin: User, userId: number, disabled: boolean) {
    return this.#change(admin, userId, async (user, trx) => {
      if (user.isDisabled === disabled) return null
      const before = { disabledAt: user.disabledAt?.toISO() ?? null }
      user.disabledAt = disabled ? DateTime.now() : null
      if (disabled) await trx.from('auth_access_tokens').where('tokenable_id', user.id).delete()
      return {
        action: disabled ? 'user.disable' : 'user.enable',
        before,
        after: { disabledAt: user.disabledAt?.toISO() ?? null },
      }
    })
  }

  /** Refuses the admin's own account; saves and audits the change in one transaction. */
  async #change(
    admin: User,
    userId: number,
    apply: (user: User, trx: TransactionClientContract) => Promise<AccountChange>
  ) {
    if (admin.id === userId) throw new DomainError('editorial.errors.own_account')
    return db.transaction(async (trx) => {
      const user = await User.findOrFail(userId, { client: trx })
      const change = await apply(user, trx)
      if (!change) return user
      await user.save()
      await this.audit.record(admin, { ...change, subjectType: 'user', subjectId: user.id }, trx)
      return user
    })
  }
}
