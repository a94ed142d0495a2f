import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Delivery counters, one row per Europe/Berlin day and hour, booking or
 * vendor, topic and paid flag. The counter flushes its buffer here as one
 * upsert that adds to these columns.
 *
 * "None" is 0, not NULL, in the key columns: NULLs are distinct in a
 * unique key on SQLite and PostgreSQL, so ON CONFLICT would never match
 * them. Counters are statistics and outlive what they count, so the ids
 * carry no foreign keys. No IP address or user agent is ever stored.
 */
export default class extends BaseSchema {
  protected tableName = 'placement_counts'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      // "2027-01-15", Europe/Berlin
      table.string('day', 10).notNullable()
      // 0–23, Europe/Berlin
      table.integer('hour').notNullable()
      table.integer('booking_id').notNullable().defaultTo(0)
      table.integer('vendor_id').notNullable().defaultTo(0)
      table.integer('topic_id').notNullable().defaultTo(0)
      table.boolean('paid').notNullable().defaultTo(false)
      table.integer('raw_impressions').notNullable().defaultTo(0)
      // Filtered: no bots, prefetches, prerenders or HEAD requests
      table.integer('impressions').notNullable().defaultTo(0)
      table.integer('clicks').notNullable().defaultTo(0)
      table.integer('website_clicks').notNullable().defaultTo(0)
      table.integer('profile_views').notNullable().defaultTo(0)
      table.unique(['day', 'hour', 'booking_id', 'vendor_id', 'topic_id', 'paid'])
      table.index(['booking_id', 'day'])
      table.index(['vendor_id', 'day'])
    })

    /**
     * Impression caps across processes: how many filtered impressions of a
     * capped booking the processes have taken from its budget, in leases
     * (app/services/delivery/cap_ledger.ts). Never above the cap.
     */
    this.schema.createTable('booking_deliveries', (table) => {
      table
        .integer('booking_id')
        .unsigned()
        .primary()
        .references('id')
        .inTable('bookings')
        .onDelete('CASCADE')
      table.integer('reserved').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.dropTable('booking_deliveries')
    this.schema.dropTable(this.tableName)
  }
}
