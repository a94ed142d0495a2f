import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Advertising: slots (the inventory), bookings of one share of a slot for
 * one or more ISO weeks, the advertiser's billing details, and invoices.
 *
 * Capacity is counted per slot and week over `booking_weeks`, which repeats
 * the slot id so the count is one indexed lookup.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('billing_details', (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .unique()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('company', 200).notNullable()
      table.string('street', 200).notNullable()
      table.string('postal_code', 10).notNullable()
      table.string('city', 120).notNullable()
      table.string('country', 2).notNullable().defaultTo('DE')
      table.string('invoice_email', 254).notNullable()
      table.string('vat_id', 20).nullable()
      table.string('buyer_reference', 60).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('slots', (table) => {
      table.increments('id')
      // null: every topic page ("run of site")
      table
        .integer('topic_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('topics')
        .onDelete('CASCADE')
      table.string('position', 20).notNullable()
      // Image ads only, e.g. "300x250"
      table.string('format', 20).nullable()
      table.integer('capacity').notNullable()
      table.integer('price_cents').notNullable()
      table.boolean('active').notNullable().defaultTo(true)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['topic_id', 'position'])
    })

    this.schema.createTable('bookings', (table) => {
      table.increments('id')
      table
        .integer('slot_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('slots')
        .onDelete('RESTRICT')
      // The advertiser: any member with a confirmed address
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      table.string('status', 20).notNullable().defaultTo('requested')
      // Creative: text, image or the advertiser's own vendor profile
      table.string('creative_kind', 10).notNullable()
      table.string('headline', 60).nullable()
      table.string('body', 140).nullable()
      table.string('target_url', 2000).nullable()
      table.string('image_path', 255).nullable()
      table.string('image_alt', 200).nullable()
      table
        .integer('vendor_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('vendors')
        .onDelete('RESTRICT')
      // Money in integer cents, fixed when the booking is made
      table.integer('price_cents').notNullable()
      table.integer('net_cents').notNullable()
      table.integer('vat_cents').notNullable()
      table.integer('gross_cents').notNullable()
      table.timestamp('hold_expires_at').nullable()
      table.timestamp('hold_warned_at').nullable()
      table.integer('impression_cap').nullable()
      table.text('reason').nullable()
      table
        .integer('decided_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('decided_at').nullable()
      table
        .integer('cancelled_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('cancelled_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['user_id', 'status'])
      table.index(['status', 'hold_expires_at'])
    })

    this.schema.createTable('booking_weeks', (table) => {
      table.increments('id')
      table
        .integer('booking_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('bookings')
        .onDelete('CASCADE')
      table
        .integer('slot_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('slots')
        .onDelete('RESTRICT')
      // ISO week, "2027-W02"
      table.string('week', 8).notNullable()
      table.unique(['booking_id', 'week'])
      table.index(['slot_id', 'week'])
    })

    this.schema.createTable('invoice_counters', (table) => {
      table.integer('year').primary()
      table.integer('last_number').notNullable()
    })

    this.schema.createTable('invoices', (table) => {
      table.increments('id')
      // "2027-00042": consecutive and gap-free per year
      table.string('number', 12).notNullable().unique()
      table.string('kind', 12).notNullable()
      table
        .integer('booking_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('bookings')
        .onDelete('RESTRICT')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      // The invoice a credit note reverses
      table
        .integer('corrects_invoice_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('invoices')
        .onDelete('RESTRICT')
      table.date('issued_on').notNullable()
      table.date('period_start').notNullable()
      table.date('period_end').notNullable()
      // Snapshots (JSON): an invoice never changes after it is issued
      table.text('seller').notNullable()
      table.text('buyer').notNullable()
      table.text('lines').notNullable()
      table.integer('net_cents').notNullable()
      table.integer('vat_cents').notNullable()
      table.integer('gross_cents').notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['user_id', 'issued_on'])
    })
  }

  async down() {
    this.schema.dropTable('invoices')
    this.schema.dropTable('invoice_counters')
    this.schema.dropTable('booking_weeks')
    this.schema.dropTable('bookings')
    this.schema.dropTable('slots')
    this.schema.dropTable('billing_details')
  }
}
