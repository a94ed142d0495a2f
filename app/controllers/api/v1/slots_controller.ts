import type { HttpContext } from '@adonisjs/core/http'
import Slot from '#models/slot'
import Topic from '#models/topic'
import { slotAvailability } from '#queries/slot_availability'
import { bookingWindow } from '#services/booking/capacity'
import { weekRange, weeksBetween } from '#services/booking/iso_week'
import SlotTransformer from '#transformers/slot_transformer'
import SlotWeekTransformer from '#transformers/slot_week_transformer'
import {
  slotAvailabilityValidator,
  slotListValidator,
  slotMessages,
} from '#validators/slot_validator'

/** Weeks the availability answers for when `weeks` is not given. */
const DEFAULT_WEEKS = 26

export default class SlotsController {
  /** GET /api/v1/slots?topic= — the active slots of a topic page (its own and run of site), or all. */
  async index({ request, i18n, serialize }: HttpContext) {
    const { topic } = await request.validateUsing(slotListValidator, {
      data: request.qs(),
      messagesProvider: slotMessages(i18n),
    })
    const query = Slot.query()
      .withScopes((scopes) => scopes.active())
      .preload('topic')
    if (topic) {
      const { id } = await Topic.findByOrFail('slug', topic)
      query.withScopes((scopes) => scopes.onTopicPage(id))
    }
    const slots = await query.orderBy('slots.id')
    return serialize(SlotTransformer.transform(slots))
  }

  /** GET /api/v1/slots/:id/availability?from=2027-W02&weeks=8 (inactive slots are unknown). */
  async availability({ params, request, i18n, serialize }: HttpContext) {
    const slot = await Slot.query()
      .withScopes((scopes) => scopes.active())
      .where('slots.id', params.id)
      .firstOrFail()
    const window = bookingWindow()
    const input = await request.validateUsing(slotAvailabilityValidator, {
      data: request.qs(),
      meta: { window },
      messagesProvider: slotMessages(i18n),
    })
    const from = input.from ?? window.first
    // Without `weeks`, 26 weeks, or fewer where the window ends earlier.
    const count = input.weeks ?? Math.min(DEFAULT_WEEKS, weeksBetween(from, window.last) + 1)
    const weeks = weekRange(from, count)
    const byWeek = await slotAvailability([slot], weeks)
    return serialize(SlotWeekTransformer.transform(byWeek.get(slot.id)!))
  }
}
