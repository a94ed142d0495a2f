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
    // Plain DROP COLUMN (SQLite 3.35+, PostgreSQL): knex would rebuild the
    // table on SQLite, and dropping `users` fails while rows refer to it.
    this.schema.raw(`ALTER TABLE ${this.tableName} DROP COLUMN session_generation`)
  }
}
