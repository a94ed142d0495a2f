import type { HttpContext } from '@adonisjs/core/http'
import { bookingQueue, newsQueue, reviewQueue } from '#queries/editorial_queue'
import { formatCents } from '#services/booking/money'

export default class QueueController {
  /** One queue of new vendors, revisions and claims, oldest first; then booking requests and press releases. */
  async index({ view, i18n }: HttpContext) {
    return view.render('pages/editorial/queue', {
      items: await reviewQueue(),
      bookings: await bookingQueue(),
      pressReleases: await newsQueue(),
      money: (cents: number) => formatCents(cents, i18n.locale),
    })
  }
}
