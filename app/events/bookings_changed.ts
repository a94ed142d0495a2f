import { BaseEvent } from '@adonisjs/core/events'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * A booking or a slot changed in a way that can change what pages show
 * (approved, rejected, cancelled; a slot edited or switched), within `trx`
 * if given. Dispatch it awaited, so that listeners see the transaction open.
 */
export default class BookingsChanged extends BaseEvent {
  constructor(public trx?: TransactionClientContract | null) {
    super()
  }
}
