import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

const json = {
  prepare: (value: unknown) =>
    value === null || value === undefined ? null : JSON.stringify(value),
  consume: (value: string | null) => (typeof value === 'string' ? JSON.parse(value) : value),
}

/**
 * One editorial decision or role change: who, what, when, before/after.
 * Rows are never updated, except that a deleted account's name is replaced
 * by a pseudonym.
 */
export default class AuditLog extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare actorId: number | null

  @column()
  declare actorLabel: string

  @column()
  declare action: string

  @column()
  declare subjectType: 'vendor' | 'revision' | 'claim' | 'user' | 'topic'

  @column()
  declare subjectId: number | null

  @column()
  declare vendorId: number | null

  @column(json)
  declare before: Record<string, unknown> | null

  @column(json)
  declare after: Record<string, unknown> | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
