import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import DirectoryService from '#services/directory_service'
import PlacementService from '#services/placement/placement_service'
import TopicPageTransformer from '#transformers/topic_page_transformer'
import TopicWithCountTransformer from '#transformers/topic_with_count_transformer'

@inject()
export default class TopicsController {
  constructor(
    private directory: DirectoryService,
    private placements: PlacementService
  ) {}

  /** GET /api/v1/topics */
  async index({ serialize }: HttpContext) {
    const topics = await this.directory.topicsWithCounts()
    return serialize(TopicWithCountTransformer.transform(topics))
  }

  /** GET /api/v1/topics/:slug — the topic with the vendors of its box (one rotating view). */
  async show({ params, request, serialize }: HttpContext) {
    const topic = await this.directory.topicBySlug(params.slug)
    const placement = await this.placements.forTopic(topic, request.request)
    return serialize(TopicPageTransformer.transform({ topic, placement }))
  }
}
