import { createHash, randomBytes } from 'node:crypto'
import { berlinHour } from '#services/delivery/berlin_hour'

/**
 * Remembers which (token, viewer) pairs clicked today. The seam for Redis
 * (SET NX with an expiry at midnight) when several processes serve.
 */
export abstract class ClickDedupe {
  /** True the first time the viewer clicks this token on this Berlin day. */
  abstract firstClick(token: string, ip: string, userAgent: string, now?: Date): boolean
}

/**
 * In memory only, never in the database: one set per Europe/Berlin day,
 * dropped with the day. The viewer is a hash of IP, user agent and a salt
 * drawn at random for each day, so yesterday's hashes cannot be matched to
 * today's, and neither reveals the IP.
 */
export class MemoryClickDedupe extends ClickDedupe {
  #day = ''
  #salt = Buffer.alloc(0)
  #seen = new Set<string>()

  firstClick(token: string, ip: string, userAgent: string, now: Date = new Date()) {
    const { day } = berlinHour(now)
    if (day !== this.#day) {
      this.#day = day
      this.#salt = randomBytes(32)
      this.#seen = new Set()
    }
    const viewer = createHash('sha256')
      .update(this.#salt)
      .update(ip)
      .update('\n')
      .update(userAgent)
      .digest('base64url')
    const key = createHash('sha256').update(viewer).update('\n').update(token).digest('base64url')
    if (this.#seen.has(key)) return false
    this.#seen.add(key)
    return true
  }

  /** How many (token, viewer) pairs today holds (tests). */
  get size() {
    return this.#seen.size
  }
}
