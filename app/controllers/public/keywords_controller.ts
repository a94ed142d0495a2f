import type { HttpContext } from '@adonisjs/core/http'
import { keywordPage } from '#queries/news_listing'

export default class KeywordsController {
  /** `/keywords/:slug`: the published news items and vendors with that keyword. */
  async show({ params, view }: HttpContext) {
    return view.render('pages/keywords/show', await keywordPage(params.slug))
  }
}
