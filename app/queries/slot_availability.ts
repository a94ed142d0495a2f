import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type Slot from '#models/slot'
import { availability, weekUse, type WeekAvailability } from '#services/booking/capacity'
import type { IsoWeek } from '#services/booking/iso_week'

/** One week of one slot as the rate card and the API show it. */
export type SlotWeek = WeekAvailability & { priceCents: number }

/**
 * Capacity, booked, held and free shares and the price of each slot for
 * each week, in one query however many slots and weeks (rate card, API).
 */
export async function slotAvailability(
  slots: Slot[],
  weeks: IsoWeek[],
  now: DateTime = DateTime.now(),
  client: QueryClientContract = db.connection()
): Promise<Map<number, SlotWeek[]>> {
  const use = await weekUse(
    slots.map((slot) => slot.id),
    weeks,
    client,
    now
  )
  return new Map(
    slots.map((slot) => [
      slot.id,
      weeks.map((week) => ({
        ...availability(slot.capacity, week, use.get(slot.id)?.get(week)),
        priceCents: slot.priceCents,
      })),
    ])
  )
}
