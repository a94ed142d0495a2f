import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import ModerationService from '#services/moderation/moderation_service'
import { queueItemJson, revisionJson } from '#services/moderation/editorial_json'
import { decisionReasonValidator } from '#validators/editorial_validator'

/** The editorial queue and revision decisions over the API: editors and admins only. */
@inject()
export default class EditorialController {
  constructor(private moderation: ModerationService) {}

  async queue() {
    const items = await this.moderation.queue()
    return { data: items.map(queueItemJson) }
  }

  async approveRevision({ auth, params }: HttpContext) {
    const revision = await this.moderation.approveRevision(auth.user!, params.id)
    return { data: revisionJson(revision) }
  }

  async rejectRevision({ auth, params, request }: HttpContext) {
    const { reason } = await request.validateUsing(decisionReasonValidator)
    const revision = await this.moderation.rejectRevision(auth.user!, params.id, reason)
    return { data: revisionJson(revision) }
  }
}
