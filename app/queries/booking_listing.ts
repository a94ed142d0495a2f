import type Booking from '#models/booking'
import BookingModel from '#models/booking'

/** What a booking's page, its JSON shape and its PDF show: slot with topic, vendor, weeks. */
export async function loadBookingShape(booking: Booking) {
  await booking.load((loader) =>
    loader
      .load('slot', (slot) => slot.preload('topic'))
      .load('vendor')
      .load('bookingWeeks')
  )
  return booking
}

/** An advertiser's bookings, newest first. */
export function ownBookings(userId: number) {
  return BookingModel.query()
    .withScopes((scopes) => scopes.ownedBy(userId))
    .preload('slot', (slot) => slot.preload('topic'))
    .preload('vendor')
    .preload('bookingWeeks')
    .orderBy('id', 'desc')
}
