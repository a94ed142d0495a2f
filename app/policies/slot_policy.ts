import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type Slot from '#models/slot'

/**
 * The inventory (slots and their occupancy) is the editors' business:
 * editors and admins see and manage it; the public reads active slots
 * through the rate card and the API, which need no policy.
 */
export default class SlotPolicy extends BasePolicy {
  #editor(user: User) {
    return user.isEditor && !user.isDisabled
  }

  viewAny(user: User): AuthorizerResponse {
    return this.#editor(user)
  }

  create(user: User): AuthorizerResponse {
    return this.#editor(user)
  }

  update(user: User, _slot: Slot): AuthorizerResponse {
    return this.#editor(user)
  }
}
