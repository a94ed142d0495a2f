import { DateTime } from 'luxon'
import { DISPLAY_ZONE } from '#services/berlin_time'

export type BerlinHour = { day: string; hour: number }

const HOUR_MS = 3_600_000
let cachedHour = Number.NaN
let cached: BerlinHour = { day: '', hour: 0 }

/**
 * The Europe/Berlin calendar day ("2027-01-15") and hour of a moment.
 * Berlin's offset is a whole number of hours, so one UTC hour is one
 * Berlin hour and the answer is cached per UTC hour: this runs per view.
 */
export function berlinHour(at: Date): BerlinHour {
  const utcHour = Math.floor(at.getTime() / HOUR_MS)
  if (utcHour !== cachedHour) {
    const local = DateTime.fromMillis(utcHour * HOUR_MS, { zone: DISPLAY_ZONE })
    cached = { day: local.toISODate()!, hour: local.hour }
    cachedHour = utcHour
  }
  return cached
}
