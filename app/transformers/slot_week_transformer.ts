import { BaseTransformer } from '@adonisjs/core/transformers'
import type { SlotWeek } from '#queries/slot_availability'

/** One week of a slot: `{ week, capacity, booked, held, free, priceCents }`. */
export default class SlotWeekTransformer extends BaseTransformer<SlotWeek> {
  toObject() {
    return this.pick(this.resource, ['week', 'capacity', 'booked', 'held', 'free', 'priceCents'])
  }
}
