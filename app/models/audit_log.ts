import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/**
 * Every action the audit log records, in the order the log's filter offers
 * them; each has a label in editorial.audit.actions.
 */
export const AUDIT_ACTIONS = [
  'vendor.created',
  'vendor.submitted',
  'vendor.approve',
  'vendor.reject',
  'vendor.publish',
  'vendor.unpublish',
  'vendor.archive',
  'vendor.import',
  'revision.created',
  'revision.approve',
  'revision.reject',
  'claim.created',
  'claim.grant',
  'claim.refuse',
  'member.added',
  'member.removed',
  'member.left',
  'topic.create',
  'topic.update',
  'topic.move',
  'user.role',
  'user.disable',
  'user.enable',
  'slot.created',
  'slot.updated',
  'slot.activated',
  'slot.deactivated',
  'booking.requested',
  'booking.approved',
  'booking.rejected',
  'booking.cancelled',
  'news.created',
  'news.updated',
  'news.submitted',
  'news.publish',
  'news.unpublish',
  'news.reject',
  'vendor.keywords',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

const json = {
  prepare: (value: unknown) =>
    value === null || value === undefined ? null : JSON.stringify(value),
  consume: (value: string | null) => (typeof value === 'string' ? JSON.parse(value) : value),
}

/**
 * One decision, role change or change to a vendor's entry or members: who,
 * what, when, before/after.
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
  declare action: AuditAction

  @column()
  declare subjectType:
    'vendor' | 'revision' | 'claim' | 'user' | 'topic' | 'slot' | 'booking' | 'news'

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
