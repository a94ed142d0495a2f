import { inject } from '@adonisjs/core'
import type Topic from '#models/topic'
import { rotationWindow, RotationCursorStore } from '#services/placement/rotation'
import DirectoryService from '#services/directory_service'

export const VENDOR_BOX_SIZE = 4

export type PlacedVendor = {
  slug: string
  name: string
  postalCode: string
  city: string
  paid: boolean
}

export type Placement = {
  vendors: PlacedVendor[]
  ad: null
}

/**
 * What one view of a topic page shows: the vendor box and the ad slot.
 * The topic page, `GET /api/v1/topics/:slug` and (later) the embeds all ask
 * this service, so they rotate together.
 *
 * Today: unpaid vendors rotate in a window; the ad slot has no bookings yet
 * and the page shows the house ad. The booking issue adds paid places and
 * ads here.
 */
@inject()
export default class PlacementService {
  constructor(
    private cursors: RotationCursorStore,
    private directory: DirectoryService
  ) {}

  async forTopic(topic: Topic): Promise<Placement> {
    return { vendors: await this.vendorBox(topic), ad: null }
  }

  private async vendorBox(topic: Topic): Promise<PlacedVendor[]> {
    const { byId } = await this.directory.topicMembers(topic.id)
    if (byId.length === 0) return []

    const cursor =
      byId.length > VENDOR_BOX_SIZE
        ? await this.cursors.advance(`vendor-box:${topic.id}`, VENDOR_BOX_SIZE)
        : 0
    const { segments } = rotationWindow(byId.length, cursor, VENDOR_BOX_SIZE)
    const ids = segments.flatMap((segment) =>
      Array.from(byId.subarray(segment.offset, segment.offset + segment.limit))
    )

    const vendors = await this.directory.vendorsInOrder(ids, [
      'id',
      'slug',
      'name',
      'postal_code',
      'city',
    ])
    return vendors.map((vendor) => ({
      slug: vendor.slug,
      name: vendor.name,
      postalCode: vendor.postalCode,
      city: vendor.city,
      paid: false,
    }))
  }
}
