import limiter from '@adonisjs/limiter/services/main'

/**
 * At most 5 failed log-ins per e-mail address in 15 minutes, then a 15
 * minute block. Keyed by the lower-cased address, not the IP (no IP is
 * stored; the memory store forgets). Shared by the log-in form and the
 * token endpoint.
 */
export const LOGIN_ATTEMPTS = { requests: 5, duration: '15 mins', blockDuration: '15 mins' }

export function throttleKey(email: string): string {
  return `login:${email.trim().toLowerCase()}`
}

export type Throttled<T> =
  { throttled: true; retryAfterSeconds: number } | { throttled: false; result: T }

export default class LoginThrottle {
  private limiter = limiter.use({ ...LOGIN_ATTEMPTS })

  /**
   * Runs the attempt unless the address is blocked. An attempt that throws
   * counts as a failure (and rethrows); one that succeeds clears the count.
   */
  async attempt<T>(email: string, callback: () => Promise<T>): Promise<Throttled<T>> {
    const [blocked, result] = await this.limiter.penalize(throttleKey(email), callback)
    if (blocked) {
      return { throttled: true, retryAfterSeconds: Math.max(1, blocked.response.availableIn) }
    }
    return { throttled: false, result: result as T }
  }

  /** Forgets the failures of an address (after a password reset). */
  async clear(email: string) {
    await this.limiter.delete(throttleKey(email))
  }
}
