import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import DirectoryService from '#services/directory_service'
import PlacementService from '#services/placement/placement_service'
import { newsPdf } from '#services/documents/news_pdf'
import { validateQuery } from '#services/forms'
import { newsListValidator } from '#validators/news_validator'
import { latestNewsInTopic, newsPage, newsView, publishedNewsItem } from '#queries/news_listing'

@inject()
export default class NewsController {
  constructor(
    private directory: DirectoryService,
    private placements: PlacementService
  ) {}

  /** The item with its keywords, more items of its topic, the topic's placement and search. */
  async show({ params, request, view }: HttpContext) {
    const page = newsView(await publishedNewsItem(params.slug))
    // The same placement as the topic page, rotated and counted as there.
    const [placement, more, topics, radiusAvailable] = await Promise.all([
      page.topic ? this.placements.forTopic(page.topic, request.request) : null,
      page.topic ? latestNewsInTopic(page.topic.id, page.item.id) : [],
      this.directory.topicsWithCounts(),
      this.directory.radiusAvailable(),
    ])
    return view.render('pages/news/show', { ...page, placement, more, topics, radiusAvailable })
  }

  /** The print version: the item alone, no placements. */
  async print({ params, view }: HttpContext) {
    return view.render('pages/news/print', newsView(await publishedNewsItem(params.slug)))
  }

  async pdf({ params, response, i18n }: HttpContext) {
    const page = newsView(await publishedNewsItem(params.slug))
    const pdf = await newsPdf(page.item, page.canonical, i18n)
    response.header('content-type', 'application/pdf')
    response.header('content-disposition', `inline; filename="${page.item.slug}.pdf"`)
    return response.send(pdf)
  }

  /** `/topics/:slug/news`: the topic's published items, newest first, paginated. */
  async topic(ctx: HttpContext) {
    const topic = await this.directory.topicBySlug(ctx.params.slug)
    const { input } = await validateQuery(ctx, newsListValidator)
    const news = await newsPage({ topic }, input?.page ?? 1)
    const pastLastPage = news.currentPage > Math.max(1, news.lastPage)
    if (pastLastPage) ctx.response.status(404)
    return ctx.view.render('pages/news/topic', { topic, news, pastLastPage })
  }
}
