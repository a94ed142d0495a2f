import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import DirectoryService from '#services/directory_service'
import SearchService from '#services/search/search_service'
import { vendorJson, vendorListItemJson } from '#services/api/vendor_json'
import { searchValidator } from '#validators/search_validator'

@inject()
export default class VendorsController {
  constructor(
    private search: SearchService,
    private directory: DirectoryService
  ) {}

  /** GET /api/v1/vendors?topic=&q=&plz=&radius=&page=&perPage= (perPage is capped at 100). */
  async index({ request }: HttpContext) {
    const input = await request.validateUsing(searchValidator)
    const result = await this.search.search(input)
    return { data: result.data.map(vendorListItemJson), meta: result.meta }
  }

  /** GET /api/v1/vendors/:slug; unknown and unpublished slugs are 404. */
  async show({ params }: HttpContext) {
    const vendor = await this.directory.publishedVendor(params.slug)
    return { data: vendorJson(vendor) }
  }
}
