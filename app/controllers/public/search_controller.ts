import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Topic from '#models/topic'
import SearchService, { hasSearchCriteria } from '#services/search/search_service'
import { fieldErrorsOf } from '#services/forms'
import { searchFormValues, searchValidator } from '#validators/search_validator'

@inject()
export default class SearchController {
  constructor(private search: SearchService) {}

  /**
   * GET /search. A GET form has no session: invalid input re-renders the
   * form with the reader's values and one message per field (422).
   */
  async index({ request, response, view }: HttpContext) {
    const topics = await Topic.query()
      .withScopes((scopes) => scopes.ordered())
      .select('slug', 'name')
    const values = searchFormValues(request.qs())
    try {
      const input = await request.validateUsing(searchValidator)
      const result = hasSearchCriteria(input) ? await this.search.search(input) : null
      return view.render('pages/search/index', { topics, values, errors: {}, result })
    } catch (error) {
      const errors = fieldErrorsOf(error)
      if (!errors) throw error
      response.status(422)
      return view.render('pages/search/index', { topics, values, errors, result: null })
    }
  }
}
