import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import DirectoryService from '#services/directory_service'
import SearchService from '#services/search/search_service'
import SearchHitTransformer from '#transformers/search_hit_transformer'
import VendorTransformer from '#transformers/vendor_transformer'
import { searchValidator } from '#validators/search_validator'

@inject()
export default class VendorsController {
  constructor(
    private search: SearchService,
    private directory: DirectoryService
  ) {}

  /** GET /api/v1/vendors?topic=&q=&plz=&radius=&page=&perPage= (perPage is capped at 100). */
  async index({ request, serialize }: HttpContext) {
    const radiusAvailable = await this.directory.radiusAvailable()
    const input = await request.validateUsing(searchValidator, { meta: { radiusAvailable } })
    const result = await this.search.search(input)
    // Our list envelope: `meta` beside `data` (see providers/api_provider.ts).
    return { ...(await serialize(SearchHitTransformer.transform(result.data))), meta: result.meta }
  }

  /** GET /api/v1/vendors/:slug; unknown and unpublished slugs are 404. */
  async show({ params, serialize }: HttpContext) {
    const vendor = await this.directory.publishedVendor(params.slug)
    return serialize(VendorTransformer.transform(vendor))
  }
}
