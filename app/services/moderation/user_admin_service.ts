import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import User, { type UserRole } from '#models/user'
import AuditService from '#services/audit_service'
import DomainError from '#exceptions/domain_error'

/**
 * Roles and disabling, for admins. An admin never changes their own role
 * or disables themselves, so the portal cannot lose its last admin by
 * accident. Disabling also revokes the user's API tokens.
 */
@inject()
export default class UserAdminService {
  constructor(private audit: AuditService) {}

  async changeRole(admin: User, userId: number, role: UserRole) {
    if (admin.id === userId) throw new DomainError('editorial.errors.own_account')
    return db.transaction(async (trx) => {
      const user = await User.findOrFail(userId, { client: trx })
      if (user.role === role) return user
      const before = { role: user.role }
      user.role = role
      await user.save()
      await this.audit.record(
        admin,
        { action: 'user.role', subjectType: 'user', subjectId: user.id, before, after: { role } },
        trx
      )
      return user
    })
  }

  async setDisabled(admin: User, userId: number, disabled: boolean) {
    if (admin.id === userId) throw new DomainError('editorial.errors.own_account')
    return db.transaction(async (trx) => {
      const user = await User.findOrFail(userId, { client: trx })
      if (user.isDisabled === disabled) return user
      const before = { disabledAt: user.disabledAt?.toISO() ?? null }
      user.disabledAt = disabled ? DateTime.now() : null
      await user.save()
      if (disabled) await trx.from('auth_access_tokens').where('tokenable_id', user.id).delete()
      await this.audit.record(
        admin,
        {
          action: disabled ? 'user.disable' : 'user.enable',
          subjectType: 'user',
          subjectId: user.id,
          before,
          after: { disabledAt: user.disabledAt?.toISO() ?? null },
        },
        trx
      )
      return user
    })
  }
}
