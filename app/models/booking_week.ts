import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Booking from '#models/booking'
import type { IsoWeek } from '#services/booking/iso_week'

/** One ISO week of a booking; capacity is counted over these rows per slot. */
export default class BookingWeek extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare bookingId: number

  /** Repeats the booking's slot, so a week's count is one indexed lookup. */
  @column()
  declare slotId: number

  @column()
  declare week: IsoWeek

  @belongsTo(() => Booking)
  declare booking: BelongsTo<typeof Booking>
}
