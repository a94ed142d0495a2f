import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Editorial review: revisions of published vendors, claims of member-less
 * vendors, and the audit log of every decision.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('vendor_revisions', (table) => {
      table.increments('id')
      table
        .integer('vendor_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('vendors')
        .onDelete('CASCADE')
      table
        .integer('author_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      // Every public field, topics and logo included (JSON).
      table.text('data').notNullable()
      table.string('status', 20).notNullable().defaultTo('pending')
      table.text('reason').nullable()
      table
        .integer('decided_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('decided_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['vendor_id', 'status'])
      table.index(['status', 'created_at'])
    })

    this.schema.createTable('vendor_claims', (table) => {
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
      table.text('message').nullable()
      table.string('status', 20).notNullable().defaultTo('pending')
      table.text('reason').nullable()
      table
        .integer('decided_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('decided_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['status', 'created_at'])
      table.index(['vendor_id'])
    })

    this.schema.createTable('audit_logs', (table) => {
      table.increments('id')
      table
        .integer('actor_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      // Who acted, as shown; a pseudonym once the account is deleted.
      table.string('actor_label', 120).notNullable()
      table.string('action', 60).notNullable()
      table.string('subject_type', 30).notNullable()
      table.integer('subject_id').nullable()
      table
        .integer('vendor_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('vendors')
        .onDelete('SET NULL')
      table.text('before').nullable()
      table.text('after').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['vendor_id', 'created_at'])
      table.index(['created_at'])
    })
  }

  async down() {
    this.schema.dropTable('audit_logs')
    this.schema.dropTable('vendor_claims')
    this.schema.dropTable('vendor_revisions')
  }
}
