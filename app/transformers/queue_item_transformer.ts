import { BaseTransformer } from '@adonisjs/core/transformers'
import type { QueueItem } from '#queries/editorial_queue'

/** An entry of the editorial queue: what it is, which vendor, who asked and when. */
export default class QueueItemTransformer extends BaseTransformer<QueueItem> {
  toObject() {
    const item = this.resource
    return {
      ...this.pick(item, ['type', 'id']),
      vendor: this.pick(item.vendor, ['slug', 'name', 'status']),
      submittedAt: item.submittedAt.toUTC().toISO(),
      submittedBy: item.who ? this.pick(item.who, ['id', 'name']) : null,
    }
  }
}
