import type { UserRole } from '#models/user'
import { DEFAULT_PASSWORD, UserFactory } from '#database/factories/user_factory'

export { DEFAULT_PASSWORD }

/**
 * A user as sign-up and confirmation would leave them (confirmed unless
 * `confirmed: false`), through UserFactory and its states.
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
  const { role = 'member', confirmed = true, disabled = false, ...attributes } = options
  const user = UserFactory.merge(attributes)
  if (role !== 'member') user.apply(role)
  if (!confirmed) user.apply('unconfirmed')
  if (disabled) user.apply('disabled')
  return user.create()
}
