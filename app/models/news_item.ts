import { DateTime } from 'luxon'
import {
  afterDelete,
  afterSave,
  BaseModel,
  beforeSave,
  belongsTo,
  column,
  manyToMany,
  scope,
} from '@adonisjs/lucid/orm'
import type { BelongsTo, ManyToMany } from '@adonisjs/lucid/types/relations'
import Topic from '#models/topic'
import Keyword from '#models/keyword'
import Vendor from '#models/vendor'
import User from '#models/user'
import DirectoryChanged from '#events/directory_changed'

export const NEWS_STATUSES = ['draft', 'pending', 'published'] as const
export type NewsStatus = (typeof NEWS_STATUSES)[number]

export type SourceLink = { title: string; url: string }

const json = {
  prepare: (value: unknown) => JSON.stringify(value ?? []),
  consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? [])),
}

/**
 * A news item ("Meldung"). Editors write and publish them; a vendor's
 * members submit press releases ("Anbietermeldung", `vendorId` set) that
 * wait as `pending` in the editorial queue. Readers see `published` only.
 */
export default class NewsItem extends BaseModel {
  static table = 'news_items'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare slug: string

  @column()
  declare kicker: string

  @column()
  declare title: string

  /** The calendar day the item carries ("[9.3.2012]"). */
  @column.date()
  declare publishedOn: DateTime

  @column()
  declare teaser: string

  /** Markdown; rendered only through renderMarkdown (sanitized). */
  @column()
  declare body: string

  @column(json)
  declare sourceLinks: SourceLink[]

  /** "Bildquelle". */
  @column()
  declare imageCredit: string | null

  @column()
  declare status: NewsStatus

  @column()
  declare rejectionReason: string | null

  @column()
  declare vendorId: number | null

  @column()
  declare authorId: number | null

  @column.dateTime()
  declare submittedAt: DateTime | null

  /**
   * When it was first published: subscribers' digests take what was
   * published after they confirmed (`publishedOn` is the editorial date).
   */
  @column.dateTime()
  declare publishedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** In editorial order: the first is the item's own topic. */
  @manyToMany(() => Topic, {
    pivotTable: 'news_topics',
    pivotColumns: ['position'],
    onQuery: (query) => query.orderBy('news_topics.position', 'asc'),
  })
  declare topics: ManyToMany<typeof Topic>

  @manyToMany(() => Keyword, {
    pivotTable: 'news_keywords',
    pivotColumns: ['position'],
    onQuery: (query) => query.orderBy('news_keywords.position', 'asc'),
  })
  declare keywords: ManyToMany<typeof Keyword>

  @belongsTo(() => Vendor)
  declare vendor: BelongsTo<typeof Vendor>

  @belongsTo(() => User, { foreignKey: 'authorId' })
  declare author: BelongsTo<typeof User>

  @beforeSave()
  static stampPublication(item: NewsItem) {
    if (item.status === 'published' && !item.publishedAt) item.publishedAt = DateTime.now()
  }

  static published = scope((query) => {
    query.where('news_items.status', 'published')
  })

  /** Newest first; the id breaks ties of one day. */
  static latestFirst = scope((query) => {
    query.orderBy('news_items.published_on', 'desc').orderBy('news_items.id', 'desc')
  })

  static inTopic = scope((query, topicId: number) => {
    query.whereIn('news_items.id', (sub) =>
      sub.from('news_topics').select('news_item_id').where('topic_id', topicId)
    )
  })

  static withKeyword = scope((query, keywordId: number) => {
    query.whereIn('news_items.id', (sub) =>
      sub.from('news_keywords').select('news_item_id').where('keyword_id', keywordId)
    )
  })

  /** The item's own topic: the first of its topics (expects `topics` preloaded). */
  get mainTopic(): Topic | null {
    return this.topics?.[0] ?? null
  }

  /** Topic pages list the latest items: reader caches follow every change once committed. */
  @afterSave()
  @afterDelete()
  static async notifyDirectory(row: NewsItem) {
    await DirectoryChanged.dispatch(row.$trx)
  }
}
