import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import Booking from '#models/booking'
import BookingWeek from '#models/booking_week'
import { SlotFactory } from '#database/factories/slot_factory'
import { UserFactory } from '#database/factories/user_factory'
import { addWeeks, weekOf, type IsoWeek } from '#services/booking/iso_week'
import { quote } from '#services/booking/pricing'

/**
 * A requested text-ad booking of one share, holding its capacity for 72
 * hours. Merge `slotId` and `userId`, or let it make both. Its weeks are
 * rows of their own: add them with `bookWeeks`. States: 'approved',
 * 'rejected', 'cancelled', 'expired' (a hold that has lapsed).
 */
export const BookingFactory = factory
  .define(Booking, () => {
    return {
      status: 'requested' as const,
      creativeKind: 'text' as const,
      headline: 'Digitale Verwaltung aus einer Hand',
      body: 'Wir beraten Kommunen bei Social Media und Bürgerservice.',
      targetUrl: 'https://example.com/angebot',
      imagePath: null,
      imageAlt: null,
      vendorId: null,
      priceCents: 25_000,
      ...quote(25_000, 1),
      holdExpiresAt: DateTime.now().plus({ hours: 72 }),
      impressionCap: null,
    }
  })
  .state('approved', (booking) => {
    booking.status = 'approved'
    booking.holdExpiresAt = null
    booking.decidedAt = DateTime.now()
  })
  .state('rejected', (booking) => {
    booking.status = 'rejected'
    booking.reason = 'Das Motiv passt nicht zum Umfeld.'
    booking.decidedAt = DateTime.now()
  })
  .state('cancelled', (booking) => {
    booking.status = 'cancelled'
    booking.cancelledAt = DateTime.now()
  })
  .state('expired', (booking) => {
    booking.holdExpiresAt = DateTime.now().minus({ minutes: 1 })
  })
  // Only when not merged in, so tests that count slots or users see no strays.
  .before('create', async (_, booking, ctx) => {
    if (booking.slotId === undefined) {
      const slot = await SlotFactory.useCtx(ctx).create()
      booking.slotId = slot.id
    }
    if (booking.userId === undefined) {
      const user = await UserFactory.useCtx(ctx).create()
      booking.userId = user.id
    }
  })
  .build()

/** Next week and the `count - 1` after it: weeks that can still be booked. */
export function upcomingWeeks(count: number, now: DateTime = DateTime.now()): IsoWeek[] {
  return Array.from({ length: count }, (_, index) => addWeeks(weekOf(now), index + 1))
}

/** Gives a booking its weeks and sets its price to match them. */
export async function bookWeeks(booking: Booking, weeks: IsoWeek[]) {
  await BookingWeek.createMany(
    weeks.map((week) => ({ bookingId: booking.id, slotId: booking.slotId, week })),
    { client: booking.$trx }
  )
  booking.merge(quote(booking.priceCents, weeks.length))
  await booking.save()
  await booking.load('bookingWeeks')
  return booking
}
