import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import SignInService from '#services/accounts/sign_in_service'
import { throttledMessageKey } from '#services/accounts/login_throttle'
import AccessTokenTransformer from '#transformers/access_token_transformer'
import { sessionStoreValidator } from '#validators/session_validator'

const FAILURE_STATUS = { invalid: 401, disabled: 403, throttled: 429 } as const

@inject()
export default class AuthTokensController {
  constructor(private signIn: SignInService) {}

  /**
   * POST /api/v1/auth/tokens: an access token for an e-mail and password,
   * under the same log-in limit as the form.
   */
  async store({ request, response, i18n, serialize }: HttpContext) {
    const { email, password } = await request.validateUsing(sessionStoreValidator)
    const result = await this.signIn.verify(email, password, request.ip())

    if (!result.ok) {
      const message =
        result.reason === 'throttled'
          ? i18n.t(throttledMessageKey(result.scope), {
              minutes: Math.ceil(result.retryAfterSeconds / 60),
            })
          : i18n.t(`auth.api.${result.reason}`)
      if (result.reason === 'throttled') {
        response.header('Retry-After', String(result.retryAfterSeconds))
      }
      return response
        .status(FAILURE_STATUS[result.reason])
        .send({ errors: [{ field: null, message }] })
    }

    const token = await User.accessTokens.create(result.user, ['*'], { name: 'api' })
    return response.status(201).send(await serialize(AccessTokenTransformer.transform(token)))
  }

  /** DELETE /api/v1/auth/tokens/current: revokes the token of this request. */
  async destroy({ auth, response }: HttpContext) {
    await auth.use('api').invalidateToken()
    return response.noContent()
  }
}
