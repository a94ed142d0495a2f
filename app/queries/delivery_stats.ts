import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type Booking from '#models/booking'
import { DISPLAY_ZONE } from '#services/berlin_time'
import { weekEnd, weekOf, weekStart, type IsoWeek } from '#services/booking/iso_week'

/**
 * The delivery statistics, read from `placement_counts` (one row per
 * Europe/Berlin day, hour, booking or vendor, topic and paid flag). The
 * advertiser's booking page, its CSV, `GET /api/v1/bookings/:id/stats`,
 * the vendor's statistics page and the occupancy grid all read here.
 *
 * Counts reach the table with the counter's next flush (each second in
 * the web server), so statistics lag the views by at most about a second.
 * Every day of a range is listed, days without views as zeros.
 */

/** A Europe/Berlin calendar day, "2027-01-15". */
export type Day = string

export type BookingDay = { day: Day; impressions: number; rawImpressions: number; clicks: number }

export type BookingTotals = {
  /** Filtered: no bots, prefetches, prerenders or HEAD requests. */
  impressions: number
  rawImpressions: number
  clicks: number
  /** Clicks per filtered impression as a fraction, 4 places; 0 without impressions. */
  ctr: number
}

export type BookingStats = {
  /** First and last day listed; null when the booking's first week lies ahead. */
  from: Day | null
  to: Day | null
  days: BookingDay[]
  totals: BookingTotals
  /** The editor's impression cap, and how much of it is delivered (0–1, 4 places). */
  cap: number | null
  capShare: number | null
}

export type VendorDay = {
  day: Day
  paidAppearances: number
  unpaidAppearances: number
  profileViews: number
  websiteClicks: number
}

export type VendorStats = {
  from: Day
  to: Day
  days: VendorDay[]
  totals: Omit<VendorDay, 'day'>
}

/** Filtered impressions and clicks of one slot in one ISO week. */
export type WeekDelivery = { impressions: number; clicks: number }
export type SlotWeekDelivery = Map<number, Map<IsoWeek, WeekDelivery>>

/** The Berlin calendar day of a moment. */
export function berlinDay(moment: DateTime): Day {
  return moment.setZone(DISPLAY_ZONE).toISODate()!
}

/** Every day from `from` to `to`, both included (none when `to` is earlier). */
export function daysBetween(from: Day, to: Day): Day[] {
  const days: Day[] = []
  const last = DateTime.fromISO(to, { zone: DISPLAY_ZONE })
  for (
    let day = DateTime.fromISO(from, { zone: DISPLAY_ZONE });
    day <= last;
    day = day.plus({ days: 1 })
  ) {
    days.push(day.toISODate()!)
  }
  return days
}

/** `part / whole` as a fraction rounded to 4 places; 0 when `whole` is 0. */
export function ratio(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0
}

/** The click-through rate as the statistics give it: clicks per filtered impression. */
export function ctrOf(clicks: number, impressions: number): number {
  return ratio(clicks, impressions)
}

/**
 * The days a booking's statistics list: from its first week's Monday up to
 * today or its last week's Sunday, whichever is earlier. Null before the
 * first week begins.
 */
export function bookingDays(weeks: IsoWeek[], now: DateTime = DateTime.now()) {
  if (weeks.length === 0) return null
  const sorted = [...weeks].sort()
  const from = berlinDay(weekStart(sorted[0]))
  const last = berlinDay(weekEnd(sorted[sorted.length - 1]))
  const today = berlinDay(now)
  const to = today < last ? today : last
  return to < from ? null : { from, to }
}

/**
 * A booking's filtered and raw impressions and clicks per day, with totals
 * and its cap (needs `bookingWeeks` preloaded). One query.
 */
export async function bookingStats(
  booking: Booking,
  now: DateTime = DateTime.now(),
  client: QueryClientContract = db.connection()
): Promise<BookingStats> {
  const range = bookingDays(booking.weeks, now)
  const byDay = new Map<Day, BookingDay>()
  if (range) {
    const rows = await client
      .from('placement_counts')
      .where('booking_id', booking.id)
      .whereBetween('day', [range.from, range.to])
      .groupBy('day')
      .select('day')
      .sum('impressions as impressions')
      .sum('raw_impressions as raw_impressions')
      .sum('clicks as clicks')
    for (const row of rows) {
      byDay.set(String(row.day), {
        day: String(row.day),
        impressions: Number(row.impressions ?? 0),
        rawImpressions: Number(row.raw_impressions ?? 0),
        clicks: Number(row.clicks ?? 0),
      })
    }
  }
  const days = range
    ? daysBetween(range.from, range.to).map(
        (day) => byDay.get(day) ?? { day, impressions: 0, rawImpressions: 0, clicks: 0 }
      )
    : []
  const sum = (field: 'impressions' | 'rawImpressions' | 'clicks') =>
    days.reduce((total, day) => total + day[field], 0)
  const impressions = sum('impressions')
  const clicks = sum('clicks')
  const cap = booking.impressionCap ?? null
  return {
    from: range?.from ?? null,
    to: range?.to ?? null,
    days,
    totals: {
      impressions,
      rawImpressions: sum('rawImpressions'),
      clicks,
      ctr: ctrOf(clicks, impressions),
    },
    cap,
    capShare: cap ? ratio(impressions, cap) : null,
  }
}

/** A booking's statistics as CSV rows: a header, one row per day, then the totals. */
export function bookingStatsCsvRows(stats: BookingStats) {
  const rows: (string | number)[][] = [['day', 'impressions', 'raw_impressions', 'clicks', 'ctr']]
  for (const day of stats.days) {
    rows.push([
      day.day,
      day.impressions,
      day.rawImpressions,
      day.clicks,
      ctrOf(day.clicks, day.impressions),
    ])
  }
  const { totals } = stats
  rows.push(['total', totals.impressions, totals.rawImpressions, totals.clicks, totals.ctr])
  return rows
}

/** The vendor statistics' default range: the last 30 days, today included. */
export const DEFAULT_VENDOR_DAYS = 30
/** The longest range the vendor statistics list. */
export const MAX_VENDOR_DAYS = 366

export function defaultVendorRange(now: DateTime = DateTime.now()) {
  const to = berlinDay(now)
  const from = berlinDay(now.setZone(DISPLAY_ZONE).minus({ days: DEFAULT_VENDOR_DAYS - 1 }))
  return { from, to }
}

/**
 * A vendor's box appearances (filtered impressions, paid and unpaid),
 * profile views and website clicks per day from `from` to `to`. One query.
 */
export async function vendorStats(
  vendorId: number,
  from: Day,
  to: Day,
  client: QueryClientContract = db.connection()
): Promise<VendorStats> {
  const rows = await client
    .from('placement_counts')
    .where('vendor_id', vendorId)
    .whereBetween('day', [from, to])
    .groupBy('day', 'paid')
    .select('day', 'paid')
    .sum('impressions as impressions')
    .sum('profile_views as profile_views')
    .sum('website_clicks as website_clicks')
  const byDay = new Map<Day, VendorDay>()
  const dayOf = (day: Day) => {
    let found = byDay.get(day)
    if (!found) {
      found = { day, paidAppearances: 0, unpaidAppearances: 0, profileViews: 0, websiteClicks: 0 }
      byDay.set(day, found)
    }
    return found
  }
  for (const row of rows) {
    const day = dayOf(String(row.day))
    // SQLite answers 0/1, PostgreSQL true/false.
    const paid = row.paid === true || Number(row.paid) === 1
    day[paid ? 'paidAppearances' : 'unpaidAppearances'] += Number(row.impressions ?? 0)
    day.profileViews += Number(row.profile_views ?? 0)
    day.websiteClicks += Number(row.website_clicks ?? 0)
  }
  const days = daysBetween(from, to).map((day) => dayOf(day))
  const totals = { paidAppearances: 0, unpaidAppearances: 0, profileViews: 0, websiteClicks: 0 }
  for (const day of days) {
    totals.paidAppearances += day.paidAppearances
    totals.unpaidAppearances += day.unpaidAppearances
    totals.profileViews += day.profileViews
    totals.websiteClicks += day.websiteClicks
  }
  return { from, to, days, totals }
}

/**
 * Filtered impressions and clicks of the slots' bookings per slot and ISO
 * week, in one aggregate query (per day, folded into weeks here).
 */
export async function slotWeekDelivery(
  slotIds: number[],
  weeks: IsoWeek[],
  client: QueryClientContract = db.connection()
): Promise<SlotWeekDelivery> {
  const bySlot: SlotWeekDelivery = new Map()
  if (slotIds.length === 0 || weeks.length === 0) return bySlot
  const sorted = [...weeks].sort()
  const rows = await client
    .from('placement_counts')
    .join('bookings', 'bookings.id', 'placement_counts.booking_id')
    .whereIn('bookings.slot_id', slotIds)
    .whereBetween('placement_counts.day', [
      berlinDay(weekStart(sorted[0])),
      berlinDay(weekEnd(sorted[sorted.length - 1])),
    ])
    .groupBy('bookings.slot_id', 'placement_counts.day')
    .select('bookings.slot_id', 'placement_counts.day')
    .sum('placement_counts.impressions as impressions')
    .sum('placement_counts.clicks as clicks')
  for (const row of rows) {
    const week = weekOf(DateTime.fromISO(String(row.day), { zone: DISPLAY_ZONE }))
    const slot = bySlot.get(row.slot_id) ?? new Map<IsoWeek, WeekDelivery>()
    const cell = slot.get(week) ?? { impressions: 0, clicks: 0 }
    cell.impressions += Number(row.impressions ?? 0)
    cell.clicks += Number(row.clicks ?? 0)
    slot.set(week, cell)
    bySlot.set(row.slot_id, slot)
  }
  return bySlot
}

/** Filtered impressions delivered so far per booking (caps), in one query. */
export async function deliveredImpressions(
  bookingIds: number[],
  client: QueryClientContract = db.connection()
): Promise<Map<number, number>> {
  const totals = new Map<number, number>()
  if (bookingIds.length === 0) return totals
  const rows = await client
    .from('placement_counts')
    .whereIn('booking_id', bookingIds)
    .groupBy('booking_id')
    .select('booking_id')
    .sum('impressions as total')
  for (const row of rows) totals.set(Number(row.booking_id), Number(row.total ?? 0))
  return totals
}

/** The impression caps of a slot's approved bookings in one week: their sum, and what they delivered. */
export type WeekCaps = { cap: number; delivered: number; bookings: number }
export type SlotWeekCaps = Map<number, Map<IsoWeek, WeekCaps>>

/**
 * The capped approved bookings of the slots per week, each with the
 * filtered impressions it delivered so far (a cap counts over all of a
 * booking's weeks), in one query.
 */
export async function slotWeekCaps(
  slotIds: number[],
  weeks: IsoWeek[],
  client: QueryClientContract = db.connection()
): Promise<SlotWeekCaps> {
  const bySlot: SlotWeekCaps = new Map()
  if (slotIds.length === 0 || weeks.length === 0) return bySlot
  const rows = await client
    .from('booking_weeks')
    .join('bookings', 'bookings.id', 'booking_weeks.booking_id')
    .where('bookings.status', 'approved')
    .whereNotNull('bookings.impression_cap')
    .whereIn('booking_weeks.slot_id', slotIds)
    .whereIn('booking_weeks.week', weeks)
    .select('booking_weeks.slot_id', 'booking_weeks.week', 'bookings.impression_cap')
    .select(
      client.raw(
        '(select coalesce(sum(pc.impressions), 0) from placement_counts pc where pc.booking_id = bookings.id) as delivered'
      )
    )
  for (const row of rows) {
    const slot = bySlot.get(row.slot_id) ?? new Map<IsoWeek, WeekCaps>()
    const cell = slot.get(row.week) ?? { cap: 0, delivered: 0, bookings: 0 }
    cell.cap += Number(row.impression_cap)
    cell.delivered += Number(row.delivered ?? 0)
    cell.bookings++
    slot.set(row.week, cell)
    bySlot.set(row.slot_id, slot)
  }
  return bySlot
}
