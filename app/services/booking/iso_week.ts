import { DateTime } from 'luxon'

/** Bookings are by ISO calendar week, Monday to Sunday, in Berlin time. */
export const BOOKING_ZONE = 'Europe/Berlin'

/** An ISO week as written in the API and in messages: "2027-W02". */
export type IsoWeek = `${number}-W${string}`

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/

/** Parses "2027-W02"; null when it is malformed or the year has no such week (W53). */
export function parseWeek(value: string): DateTime | null {
  const match = WEEK_PATTERN.exec(value)
  if (!match) return null
  const weekYear = Number(match[1])
  const weekNumber = Number(match[2])
  const monday = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: BOOKING_ZONE })
  if (!monday.isValid || monday.weekYear !== weekYear || monday.weekNumber !== weekNumber) {
    return null
  }
  return monday.startOf('day')
}

export function isWeek(value: string): value is IsoWeek {
  return parseWeek(value) !== null
}

/** The ISO week a moment falls in, in Berlin time. */
export function weekOf(moment: DateTime): IsoWeek {
  const local = moment.setZone(BOOKING_ZONE)
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}` as IsoWeek
}

/** The week `count` weeks after `week` (negative counts go back). */
export function addWeeks(week: IsoWeek, count: number): IsoWeek {
  return weekOf(weekStart(week).plus({ weeks: count }))
}

/** Monday 00:00 Berlin time of the week. */
export function weekStart(week: IsoWeek): DateTime {
  const monday = parseWeek(week)
  if (!monday) throw new Error(`Not an ISO week: ${week}`)
  return monday
}

/** Sunday (the calendar day) of the week, Berlin time. */
export function weekEnd(week: IsoWeek): DateTime {
  return weekStart(week).plus({ days: 6 })
}

/** `count` consecutive weeks from `from`. */
export function weekRange(from: IsoWeek, count: number): IsoWeek[] {
  return Array.from({ length: count }, (_, index) => addWeeks(from, index))
}

/** How many weeks `later` lies after `earlier` (0 for the same week). */
export function weeksBetween(earlier: IsoWeek, later: IsoWeek): number {
  return Math.round(weekStart(later).diff(weekStart(earlier), 'weeks').weeks)
}

/** Weeks sorted in calendar order ("2026-W53" before "2027-W01"). */
export function sortWeeks(weeks: IsoWeek[]): IsoWeek[] {
  return [...weeks].sort()
}

/** "KW 2/2027", as German text writes a week. */
export function germanWeekLabel(week: IsoWeek): string {
  const monday = weekStart(week)
  return `KW ${monday.weekNumber}/${monday.weekYear}`
}
