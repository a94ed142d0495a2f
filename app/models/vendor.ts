import { DateTime } from 'luxon'
import {
  afterDelete,
  afterSave,
  BaseModel,
  column,
  computed,
  hasMany,
  manyToMany,
  scope,
} from '@adonisjs/lucid/orm'
import type { HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import { lockedById } from '#models/locked_by_id'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Topic from '#models/topic'
import VendorMember from '#models/vendor_member'
import VendorRevision from '#models/vendor_revision'
import Keyword from '#models/keyword'
import DirectoryChanged from '#events/directory_changed'
import { ftsMatch, tsQuery } from '#services/search/full_text'

export const VENDOR_STATUSES = ['draft', 'pending', 'published', 'rejected', 'archived'] as const
export type VendorStatus = (typeof VENDOR_STATUSES)[number]

/**
 * A vendor's profile, in form order: the one list of the fields its members
 * edit, a revision proposes and the CSV carries (logo and topics come on top).
 */
export const VENDOR_PROFILE_FIELDS = [
  'name',
  'street',
  'postalCode',
  'city',
  'state',
  'country',
  'phone',
  'email',
  'website',
  'description',
] as const
export type VendorProfileField = (typeof VENDOR_PROFILE_FIELDS)[number]
export type VendorProfile = Pick<Vendor, VendorProfileField>

/** Only the profile fields of a vendor (or of anything that has them). */
export function profileOf(source: VendorProfile): VendorProfile {
  return Object.fromEntries(
    VENDOR_PROFILE_FIELDS.map((field) => [field, source[field]])
  ) as VendorProfile
}

export default class Vendor extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare slug: string

  @column()
  declare name: string

  @column()
  declare street: string | null

  @column()
  declare postalCode: string

  @column()
  declare city: string

  @column()
  declare state: string | null

  @column()
  declare country: string

  @column()
  declare phone: string | null

  @column()
  declare email: string | null

  @column()
  declare website: string | null

  /** Markdown, rendered through app/services/markdown.ts only. */
  @column()
  declare description: string

  @column()
  declare logoPath: string | null

  @column()
  declare status: VendorStatus

  @column.dateTime()
  declare publishedAt: DateTime | null

  @column.dateTime()
  declare submittedAt: DateTime | null

  @column()
  declare rejectionReason: string | null

  @column()
  declare latitude: number | null

  @column()
  declare longitude: number | null

  @column({ serializeAs: null })
  declare searchText: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @manyToMany(() => Topic, { pivotTable: 'vendor_topics' })
  declare topics: ManyToMany<typeof Topic>

  /** Editor-managed keywords ("Stichwörter"), shared with news items. */
  @manyToMany(() => Keyword, {
    pivotTable: 'vendor_keywords',
    pivotColumns: ['position'],
    onQuery: (query) => query.orderBy('vendor_keywords.position', 'asc'),
  })
  declare keywords: ManyToMany<typeof Keyword>

  @hasMany(() => VendorMember)
  declare members: HasMany<typeof VendorMember>

  @hasMany(() => VendorRevision)
  declare revisions: HasMany<typeof VendorRevision>

  @computed()
  get isPublished() {
    return this.status === 'published'
  }

  static published = scope((query) => {
    query.where('vendors.status', 'published')
  })

  static inTopic = scope((query, topicId: number) => {
    query.whereIn('vendors.id', (sub) =>
      sub.from('vendor_topics').select('vendor_id').where('topic_id', topicId)
    )
  })

  /**
   * Full-text match on the folded search text (see services/search/fold.ts):
   * every term as a prefix, all of them must match; `ranked` orders best
   * matches first. Terms must be letters and digits only (searchTerms), so
   * no input reaches MATCH or tsquery syntax; they are bindings all the same.
   */
  static matchingWords = scope((query, terms: string[], ranked: boolean = false) => {
    query.ifDialect(
      'postgres',
      (pg) => {
        const tsquery = tsQuery(terms)
        pg.whereRaw(`vendors.search_vector @@ to_tsquery('simple', ?)`, [tsquery])
        if (ranked) {
          pg.orderByRaw(`ts_rank(vendors.search_vector, to_tsquery('simple', ?)) desc`, [tsquery])
        }
      },
      (sqlite) => {
        sqlite
          .join('vendor_search', 'vendor_search.rowid', 'vendors.id')
          .whereRaw('vendor_search MATCH ?', [ftsMatch(terms)])
        if (ranked) sqlite.orderByRaw('vendor_search.rank asc')
      }
    )
  })

  /** PLZ region: every code that starts with the given 1–5 digits. */
  static postalCodePrefix = scope((query, prefix: string) => {
    // A range instead of LIKE, so that the (status, postal_code) index serves it.
    query.where('vendors.postal_code', '>=', prefix).where('vendors.postal_code', '<', `${prefix}:`)
  })

  /**
   * The vendor's row inside a transaction, locked against concurrent
   * decisions and edits on PostgreSQL (SQLite has one writer anyway).
   */
  static lockedById(id: number, trx: TransactionClientContract) {
    return lockedById(Vendor, id, trx)
  }

  /** Reader caches follow every change once it is committed. */
  @afterSave()
  @afterDelete()
  static async notifyDirectory(row: Vendor) {
    await DirectoryChanged.dispatch(row.$trx)
  }
}
