import { DateTime } from 'luxon'
import { BaseModel, column, manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import NewsItem from '#models/news_item'
import Vendor from '#models/vendor'

/** A keyword ("Stichwort") that news items and vendors share: `/keywords/:slug`. */
export default class Keyword extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare slug: string

  @column()
  declare name: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @manyToMany(() => NewsItem, { pivotTable: 'news_keywords' })
  declare newsItems: ManyToMany<typeof NewsItem>

  @manyToMany(() => Vendor, { pivotTable: 'vendor_keywords' })
  declare vendors: ManyToMany<typeof Vendor>
}
