import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import DirectoryService from '#services/directory_service'
import PlacementService from '#services/placement/placement_service'

@inject()
export default class TopicsController {
  constructor(
    private directory: DirectoryService,
    private placements: PlacementService
  ) {}

  /** GET /api/v1/topics */
  async index() {
    const topics = await this.directory.topicsWithCounts()
    return {
      data: topics.map(({ slug, name, vendorCount }) => ({ slug, name, vendorCount })),
    }
  }

  /** GET /api/v1/topics/:slug — the topic with the vendors of its box (one rotating view). */
  async show({ params }: HttpContext) {
    const topic = await this.directory.topicBySlug(params.slug)
    const placement = await this.placements.forTopic(topic)
    return {
      data: {
        slug: topic.slug,
        name: topic.name,
        description: topic.description,
        vendors: placement.vendors,
        ad: placement.ad,
      },
    }
  }
}
