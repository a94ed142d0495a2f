import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import DirectoryService from '#services/directory_service'
import PageShells, { readerPageKey, sendPage } from '#services/page_shells'
import SearchService, { hasSearchCriteria } from '#services/search/search_service'
import { validateQuery } from '#services/forms'
import { searchFormValues, searchValidator } from '#validators/search_validator'

@inject()
export default class SearchController {
  constructor(
    private search: SearchService,
    private directory: DirectoryService,
    private shells: PageShells
  ) {}

  /**
   * GET /search. A GET form has no session: invalid input re-renders the
   * form with the reader's values and one message per field (422). The
   * page is the same for every anonymous reader of this URL and language,
   * and kept as such until the directory changes.
   */
  async index(ctx: HttpContext) {
    return sendPage(
      ctx,
      await this.shells.page(readerPageKey(ctx, 'search'), () => this.#page(ctx))
    )
  }

  async #page(ctx: HttpContext) {
    const topics = await this.directory.topicsWithCounts()
    const radiusAvailable = await this.directory.radiusAvailable()
    const values = searchFormValues(ctx.request.qs())
    const { input, errors } = await validateQuery(ctx, searchValidator, { radiusAvailable })
    const result = input && hasSearchCriteria(input) ? await this.search.search(input) : null
    // A page number past the end: the page does not exist (404), and says so.
    const pastLastPage = !!result && result.data.length === 0 && result.meta.total > 0
    const html = await ctx.view.render('pages/search/index', {
      topics,
      values,
      errors: errors ?? {},
      result,
      radiusAvailable,
    })
    return { status: errors ? 422 : pastLastPage ? 404 : 200, html }
  }
}
