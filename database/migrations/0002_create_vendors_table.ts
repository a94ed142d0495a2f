import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'vendors'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('slug', 160).notNullable().unique()
      table.string('name', 200).notNullable()
      table.string('street', 200).nullable()
      table.string('postal_code', 5).notNullable()
      table.string('city', 120).notNullable()
      table.string('state', 80).nullable()
      table.string('country', 2).notNullable().defaultTo('DE')
      table.string('phone', 40).nullable()
      table.string('email', 254).nullable()
      table.string('website', 500).nullable()
      table.text('description').notNullable().defaultTo('')
      table.string('logo_path', 300).nullable()
      table.string('status', 20).notNullable().defaultTo('draft')
      table.timestamp('published_at').nullable()
      // When the vendor last entered the review queue; orders the queue.
      table.timestamp('submitted_at').nullable()
      table.text('rejection_reason').nullable()
      // Taken from the postal code table; null until geo:import has run.
      table.double('latitude').nullable()
      table.double('longitude').nullable()
      // Folded text (see app/services/search/fold.ts) that feeds the full-text index.
      table.text('search_text').notNullable().defaultTo('')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      table.index(['status', 'postal_code'])
      table.index(['latitude', 'longitude'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
