import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import User from '#models/user'
import { VendorMemberFactory } from '#database/factories/vendor_member_factory'

/** Every factory user's password; the model hashes it. */
export const DEFAULT_PASSWORD = 'correct-horse-battery'

let sequence = 0

/**
 * Users as sign-up and confirmation leave them: confirmed members who speak
 * German. States: 'editor', 'admin', 'unconfirmed', 'disabled', 'english'.
 */
export const UserFactory = factory
  .define(User, () => {
    sequence += 1
    return {
      name: `Test User ${sequence}`,
      // Unique across runs too, for databases that keep committed rows.
      email: `user-${Date.now().toString(36)}-${sequence}@example.test`,
      password: DEFAULT_PASSWORD,
      role: 'member' as const,
      locale: 'de' as const,
      emailVerifiedAt: DateTime.now(),
      disabledAt: null,
    }
  })
  .state('editor', (user) => {
    user.role = 'editor'
  })
  .state('admin', (user) => {
    user.role = 'admin'
  })
  .state('unconfirmed', (user) => {
    user.emailVerifiedAt = null
  })
  .state('disabled', (user) => {
    user.disabledAt = DateTime.now()
  })
  .state('english', (user) => {
    user.locale = 'en'
  })
  .relation('memberships', () => VendorMemberFactory)
  .build()
