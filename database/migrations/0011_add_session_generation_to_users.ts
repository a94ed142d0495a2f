import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A counter per user that every session remembers from its log-in. Raising
 * it ends every session of the user, copies of the cookie included
 * (log-out, password change or reset, disabling, "sign out everywhere").
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.integer('session_generation').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('session_generation')
    })
  }
}
