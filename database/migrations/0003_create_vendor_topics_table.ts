import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'vendor_topics'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table
        .integer('vendor_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('vendors')
        .onDelete('CASCADE')
      table
        .integer('topic_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('topics')
        .onDelete('CASCADE')
      table.primary(['vendor_id', 'topic_id'])
      table.index(['topic_id', 'vendor_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
