import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A counter per cache that every process can read: a process that changes
 * the directory adds one once its change is committed, and every other
 * process that sees the number move drops its directory cache (see
 * DirectoryCache#watch). One row, "directory", from the start.
 */
export default class extends BaseSchema {
  protected tableName = 'cache_versions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('name', 64).primary()
      table.bigInteger('version').notNullable().defaultTo(0)
    })
    this.defer(async (db) => {
      await db.table(this.tableName).insert({ name: 'directory', version: 0 })
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
