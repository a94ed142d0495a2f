import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Slot from '#models/slot'
import type Topic from '#models/topic'
import { availability, bookingWindow, weekUse } from '#services/booking/capacity'
import { germanWeekLabel, weekRange, weekStart, type IsoWeek } from '#services/booking/iso_week'
import { quote, type Price } from '#services/booking/pricing'

/** How many weeks the rate card shows per slot. */
export const RATE_CARD_WEEKS = 26

export type RateCardWeek = {
  week: IsoWeek
  /** "KW 2/2027" */
  label: string
  /** Monday of the week, for "from 11 Jan". */
  monday: DateTime
  capacity: number
  free: number
  full: boolean
  priceCents: number
}

export type RateCardSlot = {
  slot: Slot
  /** The slot's anchor on the rate card: /advertise#slot-12 */
  anchor: string
  weeks: RateCardWeek[]
}

/** A slot's weeks from next week on, with free shares and price, in one query for all slots. */
async function withWeeks(slots: Slot[], count: number, now: DateTime): Promise<RateCardSlot[]> {
  const weeks = weekRange(bookingWindow(now).first, count)
  const use = await weekUse(
    slots.map((slot) => slot.id),
    weeks,
    db.connection(),
    now
  )
  return slots.map((slot) => ({
    slot,
    anchor: `slot-${slot.id}`,
    weeks: weeks.map((week) => {
      const row = availability(slot.capacity, week, use.get(slot.id)?.get(week))
      return {
        week,
        label: germanWeekLabel(week),
        monday: weekStart(week),
        capacity: row.capacity,
        free: row.free,
        full: row.free === 0,
        priceCents: slot.priceCents,
      }
    }),
  }))
}

/**
 * The public rate card: every active slot (or a topic page's: its own and
 * the run-of-site ones) with the next 26 weeks. Run-of-site first, then by
 * topic name, sidebar before vendor box.
 */
export async function rateCard(
  topic: Topic | null,
  now: DateTime = DateTime.now(),
  count: number = RATE_CARD_WEEKS
): Promise<RateCardSlot[]> {
  const slots = await Slot.query()
    .withScopes((scopes) => scopes.active())
    .if(topic, (query) => query.withScopes((scopes) => scopes.onTopicPage(topic!.id)))
    .preload('topic')
  slots.sort(
    (a, b) =>
      (a.topic?.name ?? '').localeCompare(b.topic?.name ?? '', 'de') ||
      a.position.localeCompare(b.position) ||
      a.id - b.id
  )
  return withWeeks(slots, count, now)
}

/** One slot with its bookable weeks, for the booking form. */
export async function slotCard(slot: Slot, count: number, now: DateTime = DateTime.now()) {
  await slot.load('topic')
  const [card] = await withWeeks([slot], count, now)
  return card
}

export type Quote = Price & { slot: Slot; weeks: RateCardWeek[]; full: RateCardWeek[] }

/** What the chosen weeks of a slot cost: weeks × price, net, VAT and gross. */
export async function quoteFor(
  slot: Slot,
  weeks: IsoWeek[],
  now: DateTime = DateTime.now()
): Promise<Quote> {
  const card = await slotCard(slot, RATE_CARD_WEEKS * 2, now)
  const chosen = card.weeks.filter((row) => weeks.includes(row.week))
  return {
    slot,
    weeks: chosen,
    full: chosen.filter((row) => row.full),
    ...quote(slot.priceCents, chosen.length),
  }
}
