import type { HttpContext } from '@adonisjs/core/http'
import { bookingStats } from '#queries/delivery_stats'
import BookingStatsTransformer from '#transformers/booking_stats_transformer'
import { ownBooking } from '#controllers/api/v1/bookings_controller'

/** The caller's own booking's statistics (others' bookings do not exist here: 404). */
export default class BookingStatsController {
  async show({ bouncer, params, serialize }: HttpContext) {
    const booking = await ownBooking(bouncer, params.id)
    await booking.load('bookingWeeks')
    return serialize(BookingStatsTransformer.transform(await bookingStats(booking)))
  }
}
