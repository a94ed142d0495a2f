import { DateTime } from 'luxon'
import { DISPLAY_ZONE } from '#services/berlin_time'

/** `key` names the hour in one string (`hourKey`), for maps keyed by hour. */
export type BerlinHour = { day: string; hour: number; key: string }

const HOUR_MS = 3_600_000
let cachedHour = Number.NaN
let cached: BerlinHour = { day: '', hour: 0, key: '' }

/**
 * The Europe/Berlin calendar day ("2027-01-15") and hour of a moment.
 * Berlin's offset is a whole number of hours, so one UTC hour is one
 * Berlin hour and the answer is cached per UTC hour: this runs per view.
 */
export function berlinHour(at: Date): BerlinHour {
  const utcHour = Math.floor(at.getTime() / HOUR_MS)
  if (utcHour !== cachedHour) {
    const local = DateTime.fromMillis(utcHour * HOUR_MS, { zone: DISPLAY_ZONE })
    const day = local.toISODate()!
    cached = { day, hour: local.hour, key: hourKey(day, local.hour) }
    cachedHour = utcHour
  }
  return cached
}

/** A day and hour as one string ("2027-01-15|09") that sorts in time order. */
export function hourKey(day: string, hour: number): string {
  return `${day}|${String(hour).padStart(2, '0')}`
}
