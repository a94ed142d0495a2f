import { DateTime } from 'luxon'
import { BaseModel, beforeDelete, beforeSave, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Booking from '#models/booking'
import User from '#models/user'
import type { BillingData } from '#models/billing_detail'
import type { Seller } from '#config/billing'
import type { IsoWeek } from '#services/booking/iso_week'

export const INVOICE_KINDS = ['invoice', 'credit_note'] as const
export type InvoiceKind = (typeof INVOICE_KINDS)[number]

/** One line per booked week. Amounts are positive on credit notes too. */
export type InvoiceLine = { week: IsoWeek; description: string; netCents: number }

const json = {
  prepare: (value: unknown) => JSON.stringify(value),
  consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value),
}

/**
 * An issued invoice or credit note. Immutable: seller, buyer and lines are
 * copied when it is issued, and a correction is a credit note plus a new
 * invoice.
 */
export default class Invoice extends BaseModel {
  static readonly updatedAt = false

  @column({ isPrimary: true })
  declare id: number

  /** "2027-00042" */
  @column()
  declare number: string

  @column()
  declare kind: InvoiceKind

  @column()
  declare bookingId: number

  /** The advertiser who booked. */
  @column()
  declare userId: number

  @column()
  declare correctsInvoiceId: number | null

  @column.date()
  declare issuedOn: DateTime

  @column.date()
  declare periodStart: DateTime

  @column.date()
  declare periodEnd: DateTime

  @column(json)
  declare seller: Seller

  @column(json)
  declare buyer: BillingData

  @column(json)
  declare lines: InvoiceLine[]

  @column()
  declare netCents: number

  @column()
  declare vatCents: number

  @column()
  declare grossCents: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => Booking)
  declare booking: BelongsTo<typeof Booking>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => Invoice, { foreignKey: 'correctsInvoiceId' })
  declare corrects: BelongsTo<typeof Invoice>

  /** Issued is final: a correction is a credit note plus a new invoice. */
  @beforeSave()
  static refuseUpdates(invoice: Invoice) {
    if (invoice.$isPersisted) {
      throw new Error(`Invoice ${invoice.number} is issued and cannot be changed`)
    }
  }

  @beforeDelete()
  static refuseDeletes(invoice: Invoice) {
    throw new Error(`Invoice ${invoice.number} is issued and cannot be deleted`)
  }

  static ownedBy = scope((query, userId: number) => {
    query.where('invoices.user_id', userId)
  })
}
