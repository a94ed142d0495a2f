import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Vendor from '#models/vendor'

/** A signed-in user's request to take over a vendor that has no members. */
export default class VendorClaim extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare vendorId: number

  @column()
  declare userId: number

  @column()
  declare message: string | null

  @column()
  declare status: 'pending' | 'granted' | 'refused'

  @column()
  declare reason: string | null

  @column()
  declare decidedById: number | null

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Vendor)
  declare vendor: BelongsTo<typeof Vendor>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  static pending = scope((query) => {
    query.where('vendor_claims.status', 'pending')
  })
}
