import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import type { RedisConnection } from '@adonisjs/redis'
import { berlinHour } from '#services/delivery/berlin_hour'
import { DISPLAY_ZONE } from '#services/berlin_time'

/**
 * Remembers which (token, viewer) pairs clicked today: in memory for one
 * process, in Redis (SET NX, expiring with the Berlin day) for several.
 *
 * The viewer is a hash of IP, user agent and a salt drawn at random for
 * each day, so yesterday's hashes cannot be matched to today's, and none
 * reveals the IP. Neither IP nor hash is ever written to the database.
 */
export abstract class ClickDedupe {
  /** True the first time the viewer clicks this token on this Berlin day. */
  abstract firstClick(token: string, ip: string, userAgent: string, now?: Date): Promise<boolean>
}

/** The key of one (token, viewer) pair under the day's salt. */
function clickKey(salt: Buffer, token: string, ip: string, userAgent: string) {
  const viewer = createHash('sha256')
    .update(salt)
    .update(ip)
    .update('\n')
    .update(userAgent)
    .digest('base64url')
  return createHash('sha256').update(viewer).update('\n').update(token).digest('base64url')
}

/** One set per Europe/Berlin day, dropped with the day. */
export class MemoryClickDedupe extends ClickDedupe {
  #day = ''
  #salt = Buffer.alloc(0)
  #seen = new Set<string>()

  async firstClick(token: string, ip: string, userAgent: string, now: Date = new Date()) {
    const { day } = berlinHour(now)
    if (day !== this.#day) {
      this.#day = day
      this.#salt = randomBytes(32)
      this.#seen = new Set()
    }
    const key = clickKey(this.#salt, token, ip, userAgent)
    if (this.#seen.has(key)) return false
    this.#seen.add(key)
    return true
  }

  /** How many (token, viewer) pairs today holds (tests). */
  get size() {
    return this.#seen.size
  }
}

/**
 * Shared by every process: the day's salt is drawn once (SET NX) and every
 * pair is a key set with NX; both expire at the end of the Berlin day.
 */
export class RedisClickDedupe extends ClickDedupe {
  #day = ''
  #salt = Buffer.alloc(0)

  constructor(private redis: RedisConnection['ioConnection']) {
    super()
  }

  async firstClick(token: string, ip: string, userAgent: string, now: Date = new Date()) {
    const { day } = berlinHour(now)
    const ttl = secondsLeftOfDay(now)
    if (day !== this.#day) {
      const drawn = randomBytes(32).toString('base64')
      await this.redis.set(`clicks:salt:${day}`, drawn, 'EX', ttl, 'NX')
      const salt = await this.redis.get(`clicks:salt:${day}`)
      this.#salt = Buffer.from(salt ?? drawn, 'base64')
      this.#day = day
    }
    const key = clickKey(this.#salt, token, ip, userAgent)
    return (await this.redis.set(`clicks:seen:${day}:${key}`, '1', 'EX', ttl, 'NX')) === 'OK'
  }
}

/** Seconds until the Europe/Berlin day of `now` ends (at least one). */
function secondsLeftOfDay(now: Date) {
  const local = DateTime.fromJSDate(now, { zone: DISPLAY_ZONE })
  return Math.max(1, Math.ceil(local.endOf('day').diff(local).as('seconds')))
}
