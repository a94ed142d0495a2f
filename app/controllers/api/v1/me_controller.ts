import type { HttpContext } from '@adonisjs/core/http'
import { meJson } from '#services/api/user_json'
import AccountPolicy from '#policies/account_policy'

export default class MeController {
  /** GET /api/v1/me */
  async show({ auth, bouncer }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(AccountPolicy).authorize('manage', user)
    return { data: await meJson(user) }
  }
}
