import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type Topic from '#models/topic'
import DirectoryService from '#services/directory_service'
import PlacementService from '#services/placement/placement_service'
import { placementMarkup } from '#services/placement/placement_markup'
import PageShells, { readerPageKey, sendPage } from '#services/page_shells'
import { topicVendorsValidator } from '#validators/topic_validator'
import { validateQuery } from '#services/forms'
import { latestNewsInTopic } from '#queries/news_listing'
import type { Locale } from '#services/locale'

export const TOPIC_PAGE_SIZE = 20

@inject()
export default class TopicsController {
  constructor(
    private directory: DirectoryService,
    private placements: PlacementService,
    private shells: PageShells
  ) {}

  /**
   * The placement is decided and counted for every view; the page around
   * it is the same for every anonymous reader of this URL and language.
   */
  async show(ctx: HttpContext) {
    const topic = await this.directory.topicBySlug(ctx.params.slug)
    const { input, errors } = await validateQuery(ctx, topicVendorsValidator)
    const placement = await this.placements.forTopic(topic, ctx.request.request)
    const page = await this.shells.render(
      readerPageKey(ctx, 'topics', !errors),
      (hole) => this.#page(ctx, topic, { page: input?.page ?? 1, plz: input?.plz }, errors, hole),
      () => {
        const variant = { locale: ctx.i18n.locale as Locale, linkLocale: ctx.linkLocale }
        return placementMarkup(ctx.view, variant, topic, placement)
      }
    )
    return sendPage(ctx, page)
  }

  async #page(
    ctx: HttpContext,
    topic: Topic,
    query: { page: number; plz?: string },
    errors: Record<string, string> | null,
    placementHtml: string
  ) {
    const [vendors, news] = await Promise.all([
      this.directory.topicVendors(topic, { ...query, perPage: TOPIC_PAGE_SIZE }),
      latestNewsInTopic(topic.id),
    ])
    // A page number past the end: the page does not exist (404), and says so.
    const pastLastPage = vendors.currentPage > vendors.lastPage
    const html = await ctx.view.render('pages/topics/show', {
      topic,
      placementHtml,
      vendors,
      news,
      pastLastPage,
      values: ctx.request.qs(),
      errors: errors ?? {},
    })
    return { status: errors ? 422 : pastLastPage ? 404 : 200, html }
  }
}
