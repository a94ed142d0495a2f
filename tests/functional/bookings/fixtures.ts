import sharp from 'sharp'
import Booking from '#models/booking'
import BookingWeek from '#models/booking_week'
import type Slot from '#models/slot'
import type User from '#models/user'
import { BillingDetailFactory } from '#database/factories/billing_detail_factory'
import { BookingFactory, bookWeeks, upcomingWeeks } from '#database/factories/booking_factory'
import { createUser } from '#tests/helpers/users'
import type { IsoWeek } from '#services/booking/iso_week'

export { upcomingWeeks }

/** A confirmed member with billing details: someone who may book at once. */
export async function advertiser(options: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(options)
  await BillingDetailFactory.merge({ userId: user.id }).create()
  return user
}

/** `count` approved shares of the slot in these weeks, by other advertisers. */
export async function fillWeeks(slot: Slot, weeks: IsoWeek[], count: number = slot.capacity) {
  for (let i = 0; i < count; i++) {
    const booking = await BookingFactory.merge({ slotId: slot.id, priceCents: slot.priceCents })
      .apply('approved')
      .create()
    await bookWeeks(booking, weeks)
  }
}

/** A booking of `user` for these weeks of the slot, in the given factory state. */
export async function bookingOf(
  user: User,
  slot: Slot,
  weeks: IsoWeek[],
  state?: 'approved' | 'rejected' | 'cancelled' | 'expired'
) {
  const factory = BookingFactory.merge({
    slotId: slot.id,
    userId: user.id,
    priceCents: slot.priceCents,
  })
  if (state) factory.apply(state)
  return bookWeeks(await factory.create(), weeks)
}

/** How many bookings and week rows exist: "nothing stored" is both unchanged. */
export async function storedCounts() {
  const [bookings, weeks] = await Promise.all([
    Booking.query().count('* as total'),
    BookingWeek.query().count('* as total'),
  ])
  return {
    bookings: Number(bookings[0].$extras.total),
    weeks: Number(weeks[0].$extras.total),
  }
}

/** A plain PNG of the given size. */
export function png(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: '#0b4f8a' } })
    .png()
    .toBuffer()
}

/** A text ad as the API takes it. */
export function textCreative(url = 'https://example.com/angebot') {
  return {
    kind: 'text',
    headline: 'Digitale Verwaltung',
    body: 'Beratung für Kommunen rund um Social Media.',
    url,
  }
}
