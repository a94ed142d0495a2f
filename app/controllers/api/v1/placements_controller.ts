import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import PlacementService from '#services/placement/placement_service'
import { placementJson } from '#transformers/placement_transformer'
import { placementQueryValidator } from '#validators/placement_validator'

@inject()
export default class PlacementsController {
  constructor(private placements: PlacementService) {}

  /** GET /api/v1/placements?topic=<slug> — one rotating view of the box and the ad; 422 for an unknown topic. */
  async show({ request, response }: HttpContext) {
    const input = await request.validateUsing(placementQueryValidator, { data: request.qs() })
    const topic = await this.placements.topic(input.topic)
    const placement = await this.placements.forTopic(topic, request.request)
    // The transformer's shape, as `serialize` wraps it, written from each place's kept JSON:
    // this answers every view of every embed.
    response.header('Content-Type', 'application/json; charset=utf-8')
    return placementJson(placement)
  }
}
