import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/** The editorial area: editors and admins; managing users: admins only. */
export default class EditorialPolicy extends BasePolicy {
  access(user: User): AuthorizerResponse {
    return user.isEditor && !user.isDisabled
  }

  manageTopics(user: User): AuthorizerResponse {
    return user.isEditor && !user.isDisabled
  }

  manageUsers(user: User): AuthorizerResponse {
    return user.isAdmin && !user.isDisabled
  }
}
