import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'

/**
 * The log-in limits, shared by the log-in form and the token endpoint. Every
 * attempt is counted atomically *before* its password is checked, so
 * parallel requests cannot slip past the count.
 *
 * - `addressAndIp`: the hard block. 5 attempts for one address from one IP
 *   in 15 minutes, then 15 minutes blocked. A success clears it.
 * - `address`: looser, across all IPs, so that a guesser spreading over many
 *   addresses of a botnet is still stopped, while 5 requests from one
 *   attacker cannot lock the owner out.
 * - `ip`: every log-in from one IP, whatever the address: a flood across
 *   many addresses cannot keep the server busy hashing passwords.
 *
 * IPs live only in the limiter store (memory, or Redis when configured),
 * never in the database.
 */
export const LOGIN_LIMITS = {
  ip: { requests: 30, duration: '1 min', blockDuration: '5 mins' },
  address: { requests: 50, duration: '1 hour', blockDuration: '15 mins' },
  addressAndIp: { requests: 5, duration: '15 mins', blockDuration: '15 mins' },
} as const

export type LoginLimitScope = keyof typeof LOGIN_LIMITS

/** The refusal speaks of the address, or of the network when the IP limit struck. */
export function throttledMessageKey(scope: LoginLimitScope) {
  return scope === 'ip' ? 'auth.login.throttled_ip' : 'auth.login.throttled'
}

function normalise(email: string) {
  return email.trim().toLowerCase()
}

/** The limiter keys of one attempt, in the order they are counted. */
export function throttleKeys(email: string, ip: string): Record<LoginLimitScope, string> {
  const address = normalise(email)
  return {
    ip: `login-ip:${ip}`,
    address: `login:${address}`,
    addressAndIp: `login:${address}:${ip}`,
  }
}

export type Throttled<T> =
  | { throttled: true; scope: LoginLimitScope; retryAfterSeconds: number }
  | { throttled: false; result: T }

export default class LoginThrottle {
  private limiters = {
    ip: limiter.use({ ...LOGIN_LIMITS.ip }),
    address: limiter.use({ ...LOGIN_LIMITS.address }),
    addressAndIp: limiter.use({ ...LOGIN_LIMITS.addressAndIp }),
  }

  /**
   * Counts the attempt under every limit, then runs it unless one of them
   * is exhausted. A successful attempt clears the address-and-IP count and
   * gives its unit back to the address count; a failed one (or one that
   * throws) stays counted.
   */
  async attempt<T>(email: string, ip: string, callback: () => Promise<T>): Promise<Throttled<T>> {
    const keys = throttleKeys(email, ip)
    for (const scope of Object.keys(LOGIN_LIMITS) as LoginLimitScope[]) {
      try {
        await this.limiters[scope].consume(keys[scope])
      } catch (error) {
        if (!(error instanceof limiterErrors.E_TOO_MANY_REQUESTS)) throw error
        return {
          throttled: true,
          scope,
          retryAfterSeconds: Math.max(1, error.response.availableIn),
        }
      }
    }
    const result = await callback()
    await this.limiters.addressAndIp.delete(keys.addressAndIp)
    await this.limiters.address.decrement(keys.address)
    return { throttled: false, result }
  }

  /** Forgets the failures of an address (after a password reset), from this IP too. */
  async clear(email: string, ip?: string) {
    const keys = throttleKeys(email, ip ?? '')
    await this.limiters.address.delete(keys.address)
    if (ip) await this.limiters.addressAndIp.delete(keys.addressAndIp)
  }
}
