import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Booking from '#models/booking'
import { addWeeks, weekOf, type IsoWeek } from '#services/booking/iso_week'

/** Booking opens for next week and reaches this many weeks ahead. */
export const WEEKS_AHEAD = 52

/** What one week of one slot holds: approved shares and shares held by requests. */
export type WeekUse = { booked: number; held: number }

export type WeekAvailability = WeekUse & {
  week: IsoWeek
  capacity: number
  free: number
}

/** The first and last week that can be booked at `now`. */
export function bookingWindow(now: DateTime = DateTime.now()) {
  const current = weekOf(now)
  return { first: addWeeks(current, 1), last: addWeeks(current, WEEKS_AHEAD) }
}

/** The capacity rule: a week is full when approved plus held shares reach the capacity. */
export function availability(capacity: number, week: IsoWeek, use: WeekUse | undefined) {
  const booked = use?.booked ?? 0
  const held = use?.held ?? 0
  return { week, capacity, booked, held, free: Math.max(0, capacity - booked - held) }
}

/** The weeks among `weeks` that cannot take `shares` more shares. */
export function fullWeeks(
  capacity: number,
  use: Map<IsoWeek, WeekUse>,
  weeks: IsoWeek[],
  shares: number = 1
): IsoWeek[] {
  return weeks.filter((week) => availability(capacity, week, use.get(week)).free < shares)
}

/**
 * Approved and held shares per slot and week, in one query. Lapsed holds
 * count for nothing, whether or not `bookings:expire` has marked them yet.
 * Pass the transaction's client when the answer guards an insert.
 */
export async function weekUse(
  slotIds: number[],
  weeks: IsoWeek[],
  client: QueryClientContract,
  now: DateTime = DateTime.now()
): Promise<Map<number, Map<IsoWeek, WeekUse>>> {
  const bySlot = new Map<number, Map<IsoWeek, WeekUse>>()
  if (slotIds.length === 0 || weeks.length === 0) return bySlot

  const rows = await Booking.query({ client })
    .withScopes((scopes) => scopes.holdingCapacity(now))
    .join('booking_weeks', 'booking_weeks.booking_id', 'bookings.id')
    .whereIn('booking_weeks.slot_id', slotIds)
    .whereIn('booking_weeks.week', weeks)
    .groupBy('booking_weeks.slot_id', 'booking_weeks.week', 'bookings.status')
    .select('booking_weeks.slot_id', 'booking_weeks.week', 'bookings.status')
    .count('* as shares')
    .pojo<{ slot_id: number; week: IsoWeek; status: string; shares: number | string }>()

  for (const row of rows) {
    const slot = bySlot.get(row.slot_id) ?? new Map<IsoWeek, WeekUse>()
    const use = slot.get(row.week) ?? { booked: 0, held: 0 }
    if (row.status === 'approved') use.booked += Number(row.shares)
    else use.held += Number(row.shares)
    slot.set(row.week, use)
    bySlot.set(row.slot_id, slot)
  }
  return bySlot
}
