import { BaseTransformer } from '@adonisjs/core/transformers'
import type Topic from '#models/topic'
import type { Placement } from '#services/placement/placement_service'

/**
 * A topic: by default the short reference that a vendor's profile lists.
 * `forPage` is `GET /api/v1/topics/:slug`, the topic with one rotating view
 * of its box: `TopicTransformer.transform(topic, placement)`.
 */
export default class TopicTransformer extends BaseTransformer<Topic> {
  constructor(
    topic: Topic,
    protected placement?: Placement
  ) {
    super(topic)
  }

  toObject() {
    return this.pick(this.resource, ['slug', 'name'])
  }

  forPage() {
    if (!this.placement) throw new Error('TopicTransformer.forPage needs the placement')
    return {
      ...this.pick(this.resource, ['slug', 'name', 'description']),
      vendors: this.placement.vendors,
      ad: this.placement.ad,
    }
  }
}
