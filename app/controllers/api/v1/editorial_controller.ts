import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { reviewQueue } from '#queries/editorial_queue'
import ModerationService from '#services/moderation/moderation_service'
import QueueItemTransformer from '#transformers/queue_item_transformer'
import VendorRevisionTransformer from '#transformers/vendor_revision_transformer'
import { decisionReasonValidator } from '#validators/editorial_validator'

/** The editorial queue and revision decisions over the API: editors and admins only. */
@inject()
export default class EditorialController {
  constructor(private moderation: ModerationService) {}

  async queue({ serialize }: HttpContext) {
    return serialize(QueueItemTransformer.transform(await reviewQueue()))
  }

  async approveRevision({ auth, params, serialize }: HttpContext) {
    const revision = await this.moderation.approveRevision(auth.user!, params.id)
    return serialize(VendorRevisionTransformer.transform(revision))
  }

  async rejectRevision({ auth, params, request, serialize }: HttpContext) {
    const { reason } = await request.validateUsing(decisionReasonValidator)
    const revision = await this.moderation.rejectRevision(auth.user!, params.id, reason)
    return serialize(VendorRevisionTransformer.transform(revision))
  }
}
