import { DateTime } from 'luxon'
import { afterDelete, afterSave, BaseModel, column, manyToMany, scope } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import Vendor from '#models/vendor'
import DirectoryChanged from '#events/directory_changed'

export default class Topic extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare slug: string

  @column()
  declare name: string

  @column()
  declare description: string

  @column()
  declare position: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @manyToMany(() => Vendor, { pivotTable: 'vendor_topics' })
  declare vendors: ManyToMany<typeof Vendor>

  static ordered = scope((query) => {
    query.orderBy('position', 'asc').orderBy('name', 'asc')
  })

  /** Reader caches follow every change once it is committed. */
  @afterSave()
  @afterDelete()
  static async notifyDirectory(row: Topic) {
    await DirectoryChanged.dispatch(row.$trx)
  }
}
