import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/** An account's own data (settings, export, deletion, /me): only its holder. */
export default class AccountPolicy extends BasePolicy {
  manage(user: User, account: User): AuthorizerResponse {
    return user.id === account.id && !user.isDisabled
  }
}
