import { BasePolicy, allowGuest } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/**
 * A subscriber has no account: the link from their mail, signed for one
 * purpose (confirm, manage, unsubscribe) and one subscription, is their
 * credential. Being signed in grants nothing more.
 */
export default class SubscriptionPolicy extends BasePolicy {
  @allowGuest()
  useLink(_user: User | null, link: { signedFor: boolean }): AuthorizerResponse {
    return link.signedFor
  }
}
