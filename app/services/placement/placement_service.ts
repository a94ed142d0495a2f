import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type Topic from '#models/topic'
import { rotationWindow, RotationCursorStore } from '#services/placement/rotation'

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
  constructor(private cursors: RotationCursorStore) {}

  async forTopic(topic: Topic): Promise<Placement> {
    return { vendors: await this.vendorBox(topic), ad: null }
  }

  private async vendorBox(topic: Topic): Promise<PlacedVendor[]> {
    const total = await this.publishedInTopic(topic.id).count('* as total').first()
    const count = Number(total?.total ?? 0)
    if (count === 0) return []

    const cursor = count > VENDOR_BOX_SIZE
      ? await this.cursors.advance(`vendor-box:${topic.id}`, VENDOR_BOX_SIZE)
      : 0
    const { segments } = rotationWindow(count, cursor, VENDOR_BOX_SIZE)

    const vendors: PlacedVendor[] = []
    for (const segment of segments) {
      const rows = await this.publishedInTopic(topic.id)
        .select('vendors.slug', 'vendors.name', 'vendors.postal_code', 'vendors.city')
        .orderBy('vendors.id', 'asc')
        .offset(segment.offset)
        .limit(segment.limit)
      for (const row of rows) {
        vendors.push({
          slug: row.slug,
          name: row.name,
          postalCode: row.postal_code,
          city: row.city,
          paid: false,
        })
      }
    }
    return vendors
  }

  private publishedInTopic(topicId: number) {
    return db
      .from('vendor_topics')
      .join('vendors', 'vendors.id', 'vendor_topics.vendor_id')
      .where('vendor_topics.topic_id', topicId)
      .where('vendors.status', 'published')
  }
}
