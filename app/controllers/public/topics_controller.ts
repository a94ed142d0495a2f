import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import DirectoryService from '#services/directory_service'
import PlacementService from '#services/placement/placement_service'
import { topicVendorsValidator } from '#validators/topic_validator'
import { validateQuery } from '#services/forms'
import { latestNewsInTopic } from '#queries/news_listing'

export const TOPIC_PAGE_SIZE = 20

@inject()
export default class TopicsController {
  constructor(
    private directory: DirectoryService,
    private placements: PlacementService
  ) {}

  async show(ctx: HttpContext) {
    const topic = await this.directory.topicBySlug(ctx.params.slug)
    const { input, errors } = await validateQuery(ctx, topicVendorsValidator)

    const [placement, vendors, news] = await Promise.all([
      this.placements.forTopic(topic, ctx.request.request),
      this.directory.topicVendors(topic, {
        plz: input?.plz,
        page: input?.page ?? 1,
        perPage: TOPIC_PAGE_SIZE,
      }),
      latestNewsInTopic(topic.id),
    ])
    // A page number past the end: the page does not exist (404), and says so.
    const pastLastPage = vendors.currentPage > vendors.lastPage
    if (pastLastPage) ctx.response.status(404)
    return ctx.view.render('pages/topics/show', {
      topic,
      placement,
      vendors,
      news,
      pastLastPage,
      values: ctx.request.qs(),
      errors: errors ?? {},
    })
  }
}
