import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import DirectoryService from '#services/directory_service'
import { vendorProfile } from '#queries/vendor_profile'
import { absoluteUrl } from '#services/mail/app_url'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { clickUrl } from '#services/delivery/click_token'

/**
 * The topic the reader came from (`?from=<slug>` on links from topic
 * pages), if the vendor is listed there; otherwise its first topic. No
 * cookie remembers the path, so the link carries it.
 */
export function breadcrumbTopic<T extends { slug: string }>(topics: T[], from: unknown) {
  return topics.find((topic) => topic.slug === from) ?? topics[0] ?? null
}

@inject()
export default class VendorsController {
  constructor(
    private directory: DirectoryService,
    private counter: ImpressionCounter
  ) {}

  async show({ params, request, view }: HttpContext) {
    const vendor = await this.directory.publishedVendor(params.slug)
    const canonical = absoluteUrl(urlFor('vendors.show', { slug: vendor.slug }))
    const profile = vendorProfile(vendor, canonical)
    this.counter.recordProfileView(vendor.id, request.request)
    return view.render('pages/vendors/show', {
      vendor,
      canonical,
      breadcrumbTopic: breadcrumbTopic(vendor.topics, request.qs().from),
      // "Eintrag übernehmen" is a plain link to a signed-in page: no session here.
      claimable: !(await this.directory.hasMembers(vendor)),
      ...profile,
      // The website link goes through /c/, where it counts as a website click.
      websiteClickUrl: profile.websiteUrl
        ? clickUrl({
            kind: 'website',
            bookingId: null,
            vendorId: vendor.id,
            topicId: null,
            target: profile.websiteUrl,
          })
        : null,
    })
  }
}
