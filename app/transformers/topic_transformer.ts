import { BaseTransformer } from '@adonisjs/core/transformers'
import type Topic from '#models/topic'

/** A topic as a vendor's profile lists it: slug and name. */
export default class TopicTransformer extends BaseTransformer<Topic> {
  toObject() {
    return this.pick(this.resource, ['slug', 'name'])
  }
}
