import { BaseTransformer } from '@adonisjs/core/transformers'
import type Topic from '#models/topic'
import type { Placement } from '#services/placement/placement_service'
import { placementShape } from '#transformers/placement_transformer'

/** One view of a topic page: the topic and what its placement shows on this view. */
export type TopicPage = { topic: Topic; placement: Placement }

/** `GET /api/v1/topics/:slug`: the topic with its vendor box and ad of this view. */
export default class TopicPageTransformer extends BaseTransformer<TopicPage> {
  toObject() {
    const { topic, placement } = this.resource
    return {
      ...this.pick(topic, ['slug', 'name', 'description']),
      ...placementShape(placement),
    }
  }
}
