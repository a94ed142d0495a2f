import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import DirectoryService from '#services/directory_service'
import { vendorProfile } from '#queries/vendor_profile'

@inject()
export default class VendorsController {
  constructor(private directory: DirectoryService) {}

  async show({ params, request, view }: HttpContext) {
    const vendor = await this.directory.publishedVendor(params.slug)
    const canonical = request.completeUrl(false)
    return view.render('pages/vendors/show', {
      vendor,
      canonical,
      // "Eintrag übernehmen" is a plain link to a signed-in page: no session here.
      claimable: !(await this.directory.hasMembers(vendor)),
      ...vendorProfile(vendor, canonical),
    })
  }
}
