import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

export const BILLING_FIELDS = [
  'company',
  'street',
  'postalCode',
  'city',
  'country',
  'invoiceEmail',
  'vatId',
  'buyerReference',
] as const

export type BillingData = {
  company: string
  street: string
  postalCode: string
  city: string
  country: string
  invoiceEmail: string
  vatId: string | null
  buyerReference: string | null
}

/** Who an advertiser's invoices go to; asked once, kept per account. */
export default class BillingDetail extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare company: string

  @column()
  declare street: string

  @column()
  declare postalCode: string

  @column()
  declare city: string

  /** ISO 3166-1 alpha-2 */
  @column()
  declare country: string

  @column()
  declare invoiceEmail: string

  @column()
  declare vatId: string | null

  /** e.g. a Leitweg-ID of a public buyer */
  @column()
  declare buyerReference: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  /** The fields an invoice copies. */
  toBillingData(): BillingData {
    return Object.fromEntries(BILLING_FIELDS.map((field) => [field, this[field]])) as BillingData
  }
}
