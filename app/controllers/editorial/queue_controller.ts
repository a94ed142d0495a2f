import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import ModerationService from '#services/moderation/moderation_service'

@inject()
export default class QueueController {
  constructor(private moderation: ModerationService) {}

  /** One queue of new vendors, revisions and claims, oldest first. */
  async index({ view }: HttpContext) {
    return view.render('pages/editorial/queue', { items: await this.moderation.queue() })
  }
}
