import { BaseEvent } from '@adonisjs/core/events'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Vendors, topics or the links between them were written, within `trx` if
 * given. Dispatch it awaited, so that listeners see the transaction open.
 */
export default class DirectoryChanged extends BaseEvent {
  constructor(public trx?: TransactionClientContract | null) {
    super()
  }
}
