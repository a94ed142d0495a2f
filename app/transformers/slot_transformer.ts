import { BaseTransformer } from '@adonisjs/core/transformers'
import type Slot from '#models/slot'

/**
 * The Slot shape: `{ id, topic: slug|null, position, format, capacity,
 * priceCents, active }`; `topic` needs the topic preloaded (null is run of site).
 */
export default class SlotTransformer extends BaseTransformer<Slot> {
  toObject() {
    const slot = this.resource
    return {
      id: slot.id,
      topic: slot.topicId === null ? null : slot.topic.slug,
      position: slot.position,
      format: slot.format,
      capacity: slot.capacity,
      priceCents: slot.priceCents,
      active: slot.active,
    }
  }
}
