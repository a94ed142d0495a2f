import { urlFor } from '@adonisjs/core/services/url_builder'
import Topic from '#models/topic'
import Vendor, { profileOf } from '#models/vendor'
import type VendorRevision from '#models/vendor_revision'
import { appUrl } from '#services/mail/app_url'
import { vendorProfile } from '#queries/vendor_profile'
import { snapshotOf } from '#services/vendor_snapshot'

/** The robots rule of every preview: never indexed, never followed. */
export const PREVIEW_ROBOTS = 'noindex, nofollow'

/** Where the preview's banner leads back to: a named route and its parameters. */
export type PreviewBack = { route: string; params: Record<string, number> }

/**
 * What the public profile page (pages/vendors/show) will show once the
 * vendor, or the given revision of it, is published: the same view data as
 * the public controller builds, from a copy of the vendor that is never
 * saved. `preview` tells the page to show its banner and to ask robots not
 * to index it.
 */
export async function vendorPreview(
  vendor: Vendor,
  revision: VendorRevision | null,
  back: PreviewBack
) {
  const shown = new Vendor()
  shown.fill({ ...vendor.$attributes })
  if (revision) shown.merge({ ...profileOf(revision.data), logoPath: revision.data.logoPath })
  const { topicIds } = revision ? revision.data : await snapshotOf(vendor)
  const topics = topicIds.length
    ? await Topic.query()
        .whereIn('id', topicIds)
        .withScopes((scopes) => scopes.ordered())
    : []
  shown.$setRelated('topics', topics)

  const publicUrl = urlFor('vendors.show', { slug: vendor.slug }, { prefixUrl: appUrl() })
  return {
    vendor: shown,
    canonical: null,
    // A preview offers no "Eintrag übernehmen": it is not a public page.
    claimable: false,
    ...vendorProfile(shown, publicUrl),
    preview: {
      kind: revision ? ('revision' as const) : ('vendor' as const),
      status: vendor.status,
      back,
    },
  }
}
