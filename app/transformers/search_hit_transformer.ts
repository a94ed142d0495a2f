import { BaseTransformer } from '@adonisjs/core/transformers'
import type { SearchHit } from '#services/search/search_service'

/** One row of `GET /api/v1/vendors`: who and where, and the topics by slug. */
export default class SearchHitTransformer extends BaseTransformer<SearchHit> {
  toObject() {
    const hit = this.resource
    return {
      ...this.pick(hit, ['slug', 'name', 'postalCode', 'city', 'state', 'website']),
      topics: hit.topics.map((topic) => topic.slug),
      // Undefined, and so left out of the JSON, unless the search had a radius.
      distanceKm: hit.distanceKm,
    }
  }
}
