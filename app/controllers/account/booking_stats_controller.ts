import type { HttpContext } from '@adonisjs/core/http'
import { stringify } from 'csv-stringify/sync'
import { bookingStats, bookingStatsCsvRows } from '#queries/delivery_stats'
import { viewable } from '#controllers/account/bookings_controller'

/** A booking's statistics as CSV (the page shows them on `account.bookings.show`). */
export default class BookingStatsController {
  /** Comma-separated, UTF-8, a header row, one row per day, then the totals. */
  async csv({ bouncer, params, response }: HttpContext) {
    const booking = await viewable(bouncer, params.id)
    await booking.load('bookingWeeks')
    const stats = await bookingStats(booking)
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header(
      'content-disposition',
      `attachment; filename="booking-${booking.id}-statistik.csv"`
    )
    return stringify(bookingStatsCsvRows(stats))
  }
}
