import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import DirectoryService from '#services/directory_service'
import { vendorProfile } from '#queries/vendor_profile'
import { absoluteUrl } from '#services/mail/app_url'

@inject()
export default class VendorsController {
  constructor(private directory: DirectoryService) {}

  async show({ params, view }: HttpContext) {
    const vendor = await this.directory.publishedVendor(params.slug)
    const canonical = absoluteUrl(urlFor('vendors.show', { slug: vendor.slug }))
    return view.render('pages/vendors/show', {
      vendor,
      canonical,
      // "Eintrag übernehmen" is a plain link to a signed-in page: no session here.
      claimable: !(await this.directory.hasMembers(vendor)),
      ...vendorProfile(vendor, canonical),
    })
  }
}
