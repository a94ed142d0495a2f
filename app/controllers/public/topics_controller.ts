import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import DirectoryService from '#services/directory_service'
import PlacementService from '#services/placement/placement_service'
import { topicVendorsValidator } from '#validators/topic_validator'
import { fieldErrorsOf } from '#services/forms'

export const TOPIC_PAGE_SIZE = 20

@inject()
export default class TopicsController {
  constructor(
    private directory: DirectoryService,
    private placements: PlacementService
  ) {}

  async show({ params, request, response, view }: HttpContext) {
    const topic = await this.directory.topicBySlug(params.slug)
    const values = request.qs()
    let filter: { plz?: string; page?: number } = {}
    let errors: Record<string, string> = {}
    try {
      filter = await request.validateUsing(topicVendorsValidator, { data: values })
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error)
      if (!fieldErrors) throw error
      errors = fieldErrors
      response.status(422)
    }

    const [placement, vendors] = await Promise.all([
      this.placements.forTopic(topic),
      this.directory.topicVendors(topic, {
        plz: filter.plz,
        page: filter.page ?? 1,
        perPage: TOPIC_PAGE_SIZE,
      }),
    ])
    return view.render('pages/topics/show', { topic, placement, vendors, values, errors })
  }
}
