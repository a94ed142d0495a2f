import type { Placement } from '#services/placement/placement_service'

/**
 * A placement as the API shows it: the box's vendors (paid places marked)
 * and the ad, or null for the house ad. Topic pages and embeds share it.
 * A vendor's `url` is absolute, for other sites (/embed.js): a paid place
 * links through the counted click redirect, like on the topic page.
 * `GET /api/v1/placements?topic=` answers `{ data: placementShape(…) }`.
 */
export function placementShape(placement: Placement) {
  return {
    vendors: placement.vendors.map((vendor) => ({
      slug: vendor.slug,
      name: vendor.name,
      postalCode: vendor.postalCode,
      city: vendor.city,
      paid: vendor.paid,
      url: vendor.url,
    })),
    ad: placement.ad
      ? {
          bookingId: placement.ad.bookingId,
          kind: placement.ad.kind,
          headline: placement.ad.headline,
          body: placement.ad.body,
          imageUrl: placement.ad.imageUrl,
          alt: placement.ad.alt,
          clickUrl: placement.ad.clickUrl,
          label: placement.ad.label,
        }
      : null,
  }
}
