import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * `booking_deliveries` held leases of capped bookings' budgets for a cap
 * ledger that the placement never used. Caps are now counted in the
 * rotation state that every process turns (app/services/placement/
 * placement_service.ts), so the table goes.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.dropTableIfExists('booking_deliveries')
  }

  async down() {
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
}
