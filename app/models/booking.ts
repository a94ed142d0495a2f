import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Slot from '#models/slot'
import User from '#models/user'
import Vendor from '#models/vendor'
import BookingWeek from '#models/booking_week'
import { lockedById } from '#models/locked_by_id'
import { sortWeeks, weekOf, type IsoWeek } from '#services/booking/iso_week'

/** What is stored. `live` and `ended` are computed from the weeks. */
export const BOOKING_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'cancelled',
  'expired',
] as const
export type StoredBookingStatus = (typeof BOOKING_STATUSES)[number]
export type BookingStatus = StoredBookingStatus | 'live' | 'ended'

export const CREATIVE_KINDS = ['text', 'image', 'vendor'] as const
export type CreativeKind = (typeof CREATIVE_KINDS)[number]

/**
 * One share of a slot for one or more ISO weeks. A request holds its
 * capacity until `holdExpiresAt`; approval makes it firm.
 */
export default class Booking extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare slotId: number

  /** The advertiser. */
  @column()
  declare userId: number

  @column()
  declare status: StoredBookingStatus

  @column()
  declare creativeKind: CreativeKind

  @column()
  declare headline: string | null

  @column()
  declare body: string | null

  @column()
  declare targetUrl: string | null

  @column()
  declare imagePath: string | null

  @column()
  declare imageAlt: string | null

  /** The advertiser's own vendor, for vendor_box bookings. */
  @column()
  declare vendorId: number | null

  /** Net price of one week, as quoted when the booking was made. */
  @column()
  declare priceCents: number

  @column()
  declare netCents: number

  @column()
  declare vatCents: number

  @column()
  declare grossCents: number

  @column.dateTime()
  declare holdExpiresAt: DateTime | null

  /** When the editors were told that the hold is about to lapse. */
  @column.dateTime()
  declare holdWarnedAt: DateTime | null

  @column()
  declare impressionCap: number | null

  /** Why an editor rejected or cancelled it. */
  @column()
  declare reason: string | null

  @column()
  declare decidedById: number | null

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column()
  declare cancelledById: number | null

  @column.dateTime()
  declare cancelledAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Slot)
  declare slot: BelongsTo<typeof Slot>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => Vendor)
  declare vendor: BelongsTo<typeof Vendor>

  @hasMany(() => BookingWeek)
  declare bookingWeeks: HasMany<typeof BookingWeek>

  /** The booked weeks in calendar order (needs `bookingWeeks` preloaded). */
  get weeks(): IsoWeek[] {
    return sortWeeks(this.bookingWeeks.map((row) => row.week))
  }

  /** True while a request still holds its capacity. */
  isHolding(now: DateTime = DateTime.now()): boolean {
    return (
      this.status === 'requested' &&
      this.holdExpiresAt !== null &&
      this.holdExpiresAt.toMillis() > now.toMillis()
    )
  }

  /**
   * The status a person sees: approved bookings are `live` during their
   * weeks and `ended` after the last one; a lapsed hold reads `expired`
   * before `bookings:expire` has stored it (needs `bookingWeeks` preloaded).
   */
  statusAt(now: DateTime = DateTime.now()): BookingStatus {
    if (this.status === 'requested' && !this.isHolding(now)) return 'expired'
    if (this.status !== 'approved') return this.status
    const current = weekOf(now)
    const weeks = this.weeks
    if (weeks.includes(current)) return 'live'
    if (weeks.length > 0 && weeks[weeks.length - 1] < current) return 'ended'
    return 'approved'
  }

  /**
   * Approved bookings and unexpired requests: what counts against capacity.
   * Timestamps are stored in the process's zone, so `now` is compared in it.
   */
  static holdingCapacity = scope((query, now: DateTime = DateTime.now()) => {
    query.where((where) =>
      where
        .where('bookings.status', 'approved')
        .orWhere((held) =>
          held
            .where('bookings.status', 'requested')
            .where(
              'bookings.hold_expires_at',
              '>',
              now.toLocal().toFormat(query.client.dialect.dateTimeFormat)
            )
        )
    )
  })

  /** Approved, with `week` among its weeks: what a page may show that week. */
  static liveIn = scope((query, week: IsoWeek) => {
    query
      .where('bookings.status', 'approved')
      .whereIn('bookings.id', (weeks) =>
        weeks.from('booking_weeks').select('booking_weeks.booking_id').where('week', week)
      )
  })

  static ownedBy = scope((query, userId: number) => {
    query.where('bookings.user_id', userId)
  })

  static lockedById(id: number, trx: TransactionClientContract) {
    return lockedById(Booking, id, trx)
  }
}
