import { DateTime } from 'luxon'
import User, { type UserRole } from '#models/user'

export const DEFAULT_PASSWORD = 'correct-horse-battery'

let sequence = 0

/**
 * A user as sign-up and confirmation would leave them (confirmed unless
 * `confirmed: false`). The password is hashed by the model.
 */
export async function createUser(
  options: {
    role?: UserRole
    email?: string
    name?: string
    confirmed?: boolean
    disabled?: boolean
    locale?: 'de' | 'en'
    password?: string
  } = {}
) {
  sequence += 1
  const suffix = `${Date.now().toString(36)}-${sequence}`
  return User.create({
    name: options.name ?? `Test User ${sequence}`,
    email: options.email ?? `user-${suffix}@example.test`,
    password: options.password ?? DEFAULT_PASSWORD,
    role: options.role ?? 'member',
    locale: options.locale ?? 'de',
    emailVerifiedAt: options.confirmed === false ? null : DateTime.now(),
    disabledAt: options.disabled ? DateTime.now() : null,
  })
}
