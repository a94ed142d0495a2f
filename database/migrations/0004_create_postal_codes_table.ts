import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'postal_codes'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('code', 5).primary()
      table.string('place', 200).notNullable()
      table.string('state', 80).nullable()
      table.double('latitude').notNullable()
      table.double('longitude').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
