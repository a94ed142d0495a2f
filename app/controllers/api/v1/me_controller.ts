import type { HttpContext } from '@adonisjs/core/http'
import AccountPolicy from '#policies/account_policy'
import UserTransformer from '#transformers/user_transformer'

export default class MeController {
  /** GET /api/v1/me */
  async show({ auth, bouncer, serialize }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    await bouncer.with(AccountPolicy).authorize('manage', user)
    await user.load('memberships', (memberships) => memberships.preload('vendor'))
    return serialize(UserTransformer.transform(user))
  }
}
