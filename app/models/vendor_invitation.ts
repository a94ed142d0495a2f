import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Vendor from '#models/vendor'
import type { MemberRole } from '#models/vendor_member'
import type User from '#models/user'

export default class VendorInvitation extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare vendorId: number

  @column()
  declare invitedById: number | null

  @column()
  declare email: string

  @column()
  declare role: MemberRole

  @column({ serializeAs: null })
  declare tokenHash: string

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare acceptedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => Vendor)
  declare vendor: BelongsTo<typeof Vendor>

  /** Only the invited address may accept. */
  isFor(user: User) {
    return this.email === user.email.toLowerCase()
  }
}
