import { inject } from '@adonisjs/core'
import { errors as authErrors } from '@adonisjs/auth'
import User from '#models/user'
import LoginThrottle, { type LoginLimitScope } from '#services/accounts/login_throttle'

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'throttled'; scope: LoginLimitScope; retryAfterSeconds: number }

class AccountDisabledError extends Error {}

/**
 * Checks an e-mail and password for the log-in form and the token endpoint
 * alike: every attempt is counted (per IP, per address, per address and
 * IP) before the password is checked; disabled accounts are refused.
 */
@inject()
export default class SignInService {
  constructor(private throttle: LoginThrottle) {}

  async verify(email: string, password: string, ip: string): Promise<SignInResult> {
    try {
      const attempt = await this.throttle.attempt(email, ip, async () => {
        const user = await User.verifyCredentials(email.trim().toLowerCase(), password)
        if (user.isDisabled) throw new AccountDisabledError()
        return user
      })
      if (attempt.throttled) {
        const { scope, retryAfterSeconds } = attempt
        return { ok: false, reason: 'throttled', scope, retryAfterSeconds }
      }
      return { ok: true, user: attempt.result }
    } catch (error) {
      if (error instanceof AccountDisabledError) return { ok: false, reason: 'disabled' }
      if (error instanceof authErrors.E_INVALID_CREDENTIALS) return { ok: false, reason: 'invalid' }
      throw error
    }
  }
}
