import factory from '@adonisjs/lucid/factories'
import Slot from '#models/slot'
import { TopicFactory } from '#database/factories/topic_factory'

/**
 * An active sidebar slot of a new topic: 300×250 images, 3 shares a week at
 * 250 € net. States: 'vendorBox' (capacity 2, no image format),
 * 'runOfSite' (every topic page), 'inactive'.
 */
export const SlotFactory = factory
  .define(Slot, async (ctx) => {
    const topic = await TopicFactory.useCtx(ctx).create()
    return {
      topicId: topic.id,
      position: 'sidebar' as const,
      format: '300x250',
      capacity: 3,
      priceCents: 25_000,
      active: true,
    }
  })
  .state('vendorBox', (slot) => {
    slot.position = 'vendor_box'
    slot.format = null
    slot.capacity = 2
  })
  .state('runOfSite', (slot) => {
    slot.topicId = null
  })
  .state('inactive', (slot) => {
    slot.active = false
  })
  .build()
