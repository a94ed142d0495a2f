import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { newsPageBySlugs, publishedNewsItem } from '#queries/news_listing'
import NewsItemTransformer from '#transformers/news_item_transformer'
import NewsSummaryTransformer from '#transformers/news_summary_transformer'
import { newsListValidator } from '#validators/news_validator'

export const API_NEWS_PAGE_SIZE = 20

@inject()
export default class NewsController {
  /** GET /api/v1/news?topic=&keyword=&page=: published items, newest first; unknown filters give none. */
  async index({ request, serialize }: HttpContext) {
    const input = await request.validateUsing(newsListValidator, { data: request.qs() })
    const page = input.page ?? 1
    const { items, total } = await newsPageBySlugs(input, page, API_NEWS_PAGE_SIZE)
    return {
      ...(await serialize(NewsSummaryTransformer.transform(items))),
      meta: { total, page, perPage: API_NEWS_PAGE_SIZE },
    }
  }

  /** GET /api/v1/news/:slug; unknown and unpublished slugs are 404. */
  async show({ params, serialize }: HttpContext) {
    return serialize(NewsItemTransformer.transform(await publishedNewsItem(params.slug)))
  }
}
