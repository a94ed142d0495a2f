import type { HttpContext } from '@adonisjs/core/http'
import { meJson } from '#services/api/user_json'

export default class MeController {
  /** GET /api/v1/me */
  async show({ auth }: HttpContext) {
    return { data: await meJson(auth.getUserOrFail()) }
  }
}
