import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Who may act for a vendor, and the single-use tokens of accounts
 * (password reset, vendor invitations).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('vendor_members', (table) => {
      table.increments('id')
      table
        .integer('vendor_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('vendors')
        .onDelete('CASCADE')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('role', 20).notNullable().defaultTo('member')
      table.timestamp('created_at').notNullable()
      table.unique(['vendor_id', 'user_id'])
      table.index(['user_id'])
    })

    this.schema.createTable('user_tokens', (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('kind', 30).notNullable()
      // SHA-256 of the token; the token itself only ever travels in the e-mail.
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('expires_at').notNullable()
      table.timestamp('used_at').nullable()
      table.timestamp('created_at').notNullable()
    })

    this.schema.createTable('vendor_invitations', (table) => {
      table.increments('id')
      table
        .integer('vendor_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('vendors')
        .onDelete('CASCADE')
      table
        .integer('invited_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.string('email', 254).notNullable()
      table.string('role', 20).notNullable().defaultTo('member')
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('expires_at').notNullable()
      table.timestamp('accepted_at').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['vendor_id'])
    })
  }

  async down() {
    this.schema.dropTable('vendor_invitations')
    this.schema.dropTable('user_tokens')
    this.schema.dropTable('vendor_members')
  }
}
