import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import { errors as lucidErrors } from '@adonisjs/lucid'
import Slot from '#models/slot'
import Topic from '#models/topic'
import EmbedNotFound from '#exceptions/embed_not_found'
import DirectoryService from '#services/directory_service'
import PlacementService, {
  type PlacedAd,
  type PlacedVendor,
  type PlacementParts,
} from '#services/placement/placement_service'
import type { ViewRequest } from '#services/delivery/view_classification'

/** The vendor-box embed shows the box only: no ad is decided, counted or rotated. */
export const VENDOR_BOX_PART: PlacementParts = { vendors: true, ad: false }

/** The slot embed shows the ad only: no vendor place is decided, counted or rotated. */
export const AD_PART: PlacementParts = { vendors: false, ad: true }

/** Slot ids beyond this are no slot (and would overflow an integer column on PostgreSQL). */
const MAX_ID = 2_147_483_647

/**
 * What the embeds for other sites show, through the one placement
 * decision, so they rotate and count together with the topic page:
 *
 * - `/embed/topics/:slug/vendor-box`: the topic's vendor box.
 * - `/embed/slots/:id`: the ad of an active sidebar slot. The ad place of
 *   a topic page rotates the bookings of the topic's own slot and of the
 *   run-of-site slots together, so a topic's slot shows its topic's ad,
 *   and a run-of-site slot (no topic) shows the ad of the topic named by
 *   `?topic=<slug>`, which it then requires. Nothing live: the house ad.
 * - Anything else (unknown topic, unknown or inactive slot, a vendor_box
 *   slot, a run-of-site slot without a known `?topic=`): EmbedNotFound.
 */
@inject()
export default class EmbedService {
  constructor(
    private placements: PlacementService,
    private directory: DirectoryService
  ) {}

  async vendorBox(
    slug: string,
    viewer: ViewRequest,
    now: DateTime = DateTime.now()
  ): Promise<{ topic: Topic; vendors: PlacedVendor[] }> {
    const topic = await this.#topic(slug)
    const placement = await this.placements.forTopic(topic, viewer, now, VENDOR_BOX_PART)
    return { topic, vendors: placement.vendors }
  }

  async slot(
    id: number,
    topicSlug: unknown,
    viewer: ViewRequest,
    now: DateTime = DateTime.now()
  ): Promise<{ topic: Topic; ad: PlacedAd | null }> {
    const slot = Number.isSafeInteger(id) && id > 0 && id <= MAX_ID ? await Slot.find(id) : null
    if (!slot || !slot.active || slot.position !== 'sidebar') throw new EmbedNotFound()
    const topic =
      slot.topicId === null ? await this.#topic(topicSlug) : await Topic.find(slot.topicId)
    if (!topic) throw new EmbedNotFound()
    const placement = await this.placements.forTopic(topic, viewer, now, AD_PART)
    return { topic, ad: placement.ad }
  }

  /** A topic by the slug the URL gives (a query value may be anything, or missing). */
  async #topic(slug: unknown): Promise<Topic> {
    if (typeof slug !== 'string' || slug === '') throw new EmbedNotFound()
    try {
      return await this.directory.topicBySlug(slug)
    } catch (error) {
      if (error instanceof lucidErrors.E_ROW_NOT_FOUND) throw new EmbedNotFound()
      throw error
    }
  }
}
