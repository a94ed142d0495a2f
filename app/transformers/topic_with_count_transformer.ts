import { BaseTransformer } from '@adonisjs/core/transformers'
import type { TopicWithCount } from '#services/directory_service'

/** One row of `GET /api/v1/topics`: the topic and its number of published vendors. */
export default class TopicWithCountTransformer extends BaseTransformer<TopicWithCount> {
  toObject() {
    return this.pick(this.resource, ['slug', 'name', 'vendorCount'])
  }
}
