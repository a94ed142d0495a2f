import { DateTime } from 'luxon'
import { BaseModel, column, manyToMany, scope } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import Topic from '#models/topic'
import type { Locale } from '#services/locale'
import db from '@adonisjs/lucid/services/db'

/** A moment as Lucid writes DateTime columns (the process's zone), for comparisons in SQL. */
export function dbStamp(moment: DateTime): string {
  return moment.toLocal().toFormat(db.connection().dialect.dateTimeFormat)
}

/** What a subscriber wants: new news items, new vendors, or both. */
export const SUBSCRIPTION_KINDS = ['news', 'vendors'] as const
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number]
export type SubscriptionKinds = SubscriptionKind | 'both'

export const SUBSCRIPTION_FREQUENCIES = ['weekly', 'immediate'] as const
export type SubscriptionFrequency = (typeof SUBSCRIPTION_FREQUENCIES)[number]

/** An unconfirmed subscription is deleted after this many days. */
export const UNCONFIRMED_DAYS = 7

/** ['news', 'vendors'] ⇄ 'both': the form and the API send a list, the row keeps one word. */
export function kindsOf(list: readonly SubscriptionKind[]): SubscriptionKinds {
  const set = new Set(list)
  if (set.has('news') && set.has('vendors')) return 'both'
  return set.has('vendors') ? 'vendors' : 'news'
}

export function kindList(kinds: SubscriptionKinds): SubscriptionKind[] {
  return kinds === 'both' ? ['news', 'vendors'] : [kinds]
}

/**
 * A reader's subscription ("Abonnement"), by e-mail address, with no
 * account. Nothing is sent before `confirmedAt` (double opt-in);
 * cancelling deletes the row, and with it the address and its ledger.
 */
export default class Subscription extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @column()
  declare locale: Locale

  @column()
  declare kinds: SubscriptionKinds

  @column()
  declare frequency: SubscriptionFrequency

  @column.dateTime()
  declare confirmedAt: DateTime | null

  @column.dateTime()
  declare lastSentAt: DateTime | null

  /** Raised with every digest; a run claims the subscription by it. */
  @column()
  declare digestsSent: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @manyToMany(() => Topic, { pivotTable: 'subscription_topics' })
  declare topics: ManyToMany<typeof Topic>

  static confirmed = scope((query) => {
    query.whereNotNull('subscriptions.confirmed_at')
  })

  /** Unconfirmed for longer than UNCONFIRMED_DAYS at `now`: to be deleted. */
  static lapsed = scope((query, now: DateTime) => {
    query
      .whereNull('subscriptions.confirmed_at')
      .where('subscriptions.created_at', '<', dbStamp(now.minus({ days: UNCONFIRMED_DAYS })))
  })

  get isConfirmed() {
    return this.confirmedAt !== null
  }

  get kindList(): SubscriptionKind[] {
    return kindList(this.kinds)
  }
}
