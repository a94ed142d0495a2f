import type { HttpContext } from '@adonisjs/core/http'
import { reviewQueue } from '#queries/editorial_queue'

export default class QueueController {
  /** One queue of new vendors, revisions and claims, oldest first. */
  async index({ view }: HttpContext) {
    return view.render('pages/editorial/queue', { items: await reviewQueue() })
  }
}
