import type { Placement, PlacedAd, PlacedVendor } from '#services/placement/placement_service'

/**
 * A placement as the API shows it: the box's vendors (paid places marked)
 * and the ad, or null for the house ad. Topic pages and embeds share it.
 * A vendor's `url` is absolute, for other sites (/embed.js): a paid place
 * links through the counted click redirect, like on the topic page.
 * `GET /api/v1/placements?topic=` answers `{ data: placementShape(…) }`,
 * written by `placementJson`.
 */
export function placementShape(placement: Placement) {
  return {
    vendors: placement.vendors.map(vendorShape),
    ad: placement.ad ? adShape(placement.ad) : null,
  }
}

function vendorShape(vendor: PlacedVendor) {
  return {
    slug: vendor.slug,
    name: vendor.name,
    postalCode: vendor.postalCode,
    city: vendor.city,
    paid: vendor.paid,
    url: vendor.url,
  }
}

function adShape(ad: PlacedAd) {
  return {
    bookingId: ad.bookingId,
    kind: ad.kind,
    headline: ad.headline,
    body: ad.body,
    imageUrl: ad.imageUrl,
    alt: ad.alt,
    clickUrl: ad.clickUrl,
    label: ad.label,
  }
}

/** Each place's JSON, kept as long as the place: PlacementService hands out the same places. */
const placeJson = new WeakMap<PlacedVendor | PlacedAd, string>()

function jsonOf<Place extends PlacedVendor | PlacedAd>(
  place: Place,
  shape: (place: Place) => object
): string {
  let json = placeJson.get(place)
  if (json === undefined) placeJson.set(place, (json = JSON.stringify(shape(place))))
  return json
}

/**
 * `JSON.stringify({ data: placementShape(placement) })`, pieced together
 * from each place's JSON (made once per place), so a view of the
 * placement API serializes nothing it served before.
 */
export function placementJson(placement: Placement): string {
  let json = '{"data":{"vendors":['
  for (const [index, vendor] of placement.vendors.entries()) {
    json += (index > 0 ? ',' : '') + jsonOf(vendor, vendorShape)
  }
  return json + '],"ad":' + (placement.ad ? jsonOf(placement.ad, adShape) : 'null') + '}}'
}
