import factory from '@adonisjs/lucid/factories'
import Slot from '#models/slot'
import { TopicFactory } from '#database/factories/topic_factory'

/**
 * An active sidebar slot of a new topic: 300×250 images, 3 shares a week at
 * 250 € net. States: 'vendorBox' (capacity 2, no image format),
 * 'runOfSite' (every topic page), 'inactive'.
 */
export const SlotFactory = factory
  .define(Slot, () => {
    return {
      position: 'sidebar' as const,
      format: '300x250',
      capacity: 3,
      priceCents: 25_000,
      active: true,
    }
  })
  // A topic of its own unless one is merged in (or the slot is run of site).
  .before('create', async (_, slot, ctx) => {
    if (slot.topicId === undefined) {
      const topic = await TopicFactory.useCtx(ctx).create()
      slot.topicId = topic.id
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
