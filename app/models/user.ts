import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, beforeSave, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import VendorMember from '#models/vendor_member'

export const USER_ROLES = ['admin', 'editor', 'member'] as const
export type UserRole = (typeof USER_ROLES)[number]

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

export default class User extends compose(BaseModel, AuthFinder) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column()
  declare email: string

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare role: UserRole

  @column()
  declare locale: 'de' | 'en'

  @column.dateTime()
  declare emailVerifiedAt: DateTime | null

  @column.dateTime()
  declare disabledAt: DateTime | null

  /** Sessions remember it at log-in; raising it ends all of them (see RevocableSessionGuard). */
  @column({ serializeAs: null })
  declare sessionGeneration: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => VendorMember)
  declare memberships: HasMany<typeof VendorMember>

  static accessTokens = DbAccessTokensProvider.forModel(User, {
    expiresIn: '30 days',
    prefix: 'av_',
    table: 'auth_access_tokens',
    type: 'auth_token',
  })

  @beforeSave()
  static normalizeEmail(user: User) {
    if (user.$dirty.email) user.email = user.email.trim().toLowerCase()
  }

  /**
   * A new password or a disabled account ends every session, wherever the
   * change is made: the sessions of the old password must not outlive it.
   */
  @beforeSave()
  static revokeSessionsOnCredentialChange(user: User) {
    if (!user.$isPersisted) {
      user.sessionGeneration ??= 0
      return
    }
    const disabled = user.$dirty.disabledAt !== undefined && user.disabledAt !== null
    if (user.$dirty.password !== undefined || disabled) {
      user.sessionGeneration = (user.sessionGeneration ?? 0) + 1
    }
  }

  get isEditor() {
    return this.role === 'editor' || this.role === 'admin'
  }

  get isAdmin() {
    return this.role === 'admin'
  }

  get isConfirmed() {
    return this.emailVerifiedAt !== null
  }

  get isDisabled() {
    return this.disabledAt !== null
  }
}
