import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Vendor, { type VendorProfile } from '#models/vendor'

/** Every public field of a vendor, topics and logo included. */
export type VendorSnapshot = VendorProfile & {
  logoPath: string | null
  topicIds: number[]
}

export const REVISION_STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const
export type RevisionStatus = (typeof REVISION_STATUSES)[number]

/**
 * A proposed change to a published vendor. The public vendor row keeps the
 * approved version until an editor approves the revision.
 */
export default class VendorRevision extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare vendorId: number

  @column()
  declare authorId: number | null

  @column({
    prepare: (value: VendorSnapshot) => JSON.stringify(value),
    consume: (value: string | VendorSnapshot) =>
      typeof value === 'string' ? JSON.parse(value) : value,
  })
  declare data: VendorSnapshot

  @column()
  declare status: RevisionStatus

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

  @belongsTo(() => User, { foreignKey: 'authorId' })
  declare author: BelongsTo<typeof User>

  static pending = scope((query) => {
    query.where('vendor_revisions.status', 'pending')
  })
}
