import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Topic from '#models/topic'
import Booking from '#models/booking'
import { lockedById } from '#models/locked_by_id'

export const SLOT_POSITIONS = ['sidebar', 'vendor_box'] as const
export type SlotPosition = (typeof SLOT_POSITIONS)[number]

/**
 * A place on a page that advertisers book by the week: the "Anzeige" ad
 * slot (sidebar) or a paid place in the vendor box. `capacity` shares
 * rotate in it each week; `topicId` null means every topic page.
 */
export default class Slot extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare topicId: number | null

  @column()
  declare position: SlotPosition

  /** Exact pixel size of image ads, "300x250"; text ads fit any sidebar. */
  @column()
  declare format: string | null

  @column()
  declare capacity: number

  /** Net price of one share for one week. */
  @column()
  declare priceCents: number

  @column({ consume: (value: boolean | number) => Boolean(value) })
  declare active: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Topic)
  declare topic: BelongsTo<typeof Topic>

  @hasMany(() => Booking)
  declare bookings: HasMany<typeof Booking>

  /** Image size of the format, or null when the slot takes no images. */
  get imageSize(): { width: number; height: number } | null {
    const match = /^(\d+)x(\d+)$/.exec(this.format ?? '')
    return match ? { width: Number(match[1]), height: Number(match[2]) } : null
  }

  static active = scope((query) => {
    query.where('slots.active', true)
  })

  /** The slots a topic page carries: its own and the run-of-site ones. */
  static onTopicPage = scope((query, topicId: number) => {
    query.where((where) => where.where('slots.topic_id', topicId).orWhereNull('slots.topic_id'))
  })

  /** The slot's row, locked for the capacity check on PostgreSQL. */
  static lockedById(id: number, trx: TransactionClientContract) {
    return lockedById(Slot, id, trx)
  }
}
