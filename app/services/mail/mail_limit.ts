import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'

/**
 * Every endpoint that mails an address given in the request (password
 * reset, confirmation resend, invitations, sign-up notices, subscriptions)
 * asks here first. At most 3 mails of one kind to one address per hour, and
 * a limit per IP, so that nobody can use the site to flood an inbox.
 * Callers answer the same whether or not the mail went out.
 *
 * Addresses and IPs live only in the limiter store, never in the database.
 */
export const MAIL_LIMITS = {
  ip: { requests: 20, duration: '1 hour' },
  address: { requests: 3, duration: '1 hour' },
} as const

/**
 * Purposes with a stricter limit per address. A subscription request for
 * an address sends at most one mail an hour, however often it is asked
 * (and whether or not the address is subscribed already).
 */
export const ADDRESS_LIMITS_BY_PURPOSE: Record<string, { requests: number; duration: '1 hour' }> = {
  subscription: { requests: 1, duration: '1 hour' },
}

export type MailPurpose = 'password_reset' | 'verification' | 'invitation' | 'signup' | string

export function mailLimitKeys(purpose: MailPurpose, address: string, ip: string | null) {
  return {
    ip: ip === null ? null : `mail-ip:${purpose}:${ip}`,
    address: `mail:${purpose}:${address.trim().toLowerCase()}`,
  }
}

export default class MailLimit {
  private limiters = {
    ip: limiter.use({ ...MAIL_LIMITS.ip }),
    address: limiter.use({ ...MAIL_LIMITS.address }),
  }

  #addressLimiter(purpose: MailPurpose) {
    const own = ADDRESS_LIMITS_BY_PURPOSE[purpose]
    return own ? limiter.use({ ...own }) : this.limiters.address
  }

  /**
   * Counts one mail of `purpose` to `address`, asked for from `ip` (null
   * when no request asked for it). False when a limit is used up: then send
   * nothing.
   */
  async allow(purpose: MailPurpose, address: string, ip: string | null): Promise<boolean> {
    const keys = mailLimitKeys(purpose, address, ip)
    try {
      if (keys.ip) await this.limiters.ip.consume(keys.ip)
      await this.#addressLimiter(purpose).consume(keys.address)
      return true
    } catch (error) {
      if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) return false
      throw error
    }
  }
}
