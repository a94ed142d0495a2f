import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import UserToken from '#models/user_token'
import { generateToken } from '#services/accounts/single_use_token'
import { UserFactory } from '#database/factories/user_factory'

/**
 * An unused password-reset token, valid for an hour. Its token is unknown
 * (only the hash is stored). States: 'used', 'expired'.
 */
export const UserTokenFactory = factory
  .define(UserToken, () => ({
    kind: 'password_reset' as const,
    tokenHash: generateToken().hash,
    expiresAt: DateTime.now().plus({ hours: 1 }),
    usedAt: null,
  }))
  .state('used', (token) => {
    token.usedAt = DateTime.now()
  })
  .state('expired', (token) => {
    token.expiresAt = DateTime.now().minus({ minutes: 1 })
  })
  .relation('user', () => UserFactory)
  .build()
