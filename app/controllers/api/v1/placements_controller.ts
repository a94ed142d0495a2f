import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import PlacementService from '#services/placement/placement_service'
import { placementShape } from '#transformers/placement_transformer'
import { placementQueryValidator } from '#validators/placement_validator'

@inject()
export default class PlacementsController {
  constructor(private placements: PlacementService) {}

  /** GET /api/v1/placements?topic=<slug> — one rotating view of the box and the ad; 422 for an unknown topic. */
  async show({ request }: HttpContext) {
    const input = await request.validateUsing(placementQueryValidator, { data: request.qs() })
    const topic = await this.placements.topic(input.topic)
    const placement = await this.placements.forTopic(topic, request.request)
    // The transformer's shape, as `serialize` wraps it, without its per-call machinery
    // (a transform captures a stack trace): this answers every view of every embed.
    return { data: placementShape(placement) }
  }
}
