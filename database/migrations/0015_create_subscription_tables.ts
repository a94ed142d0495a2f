import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Reader subscriptions ("Aboverwaltung"): an e-mail address, its topics,
 * and the ledger of what each subscription was sent, so that no digest
 * repeats an item. News items get the moment they were published, which
 * decides what is new for a subscriber.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('news_items', (table) => {
      table.timestamp('published_at').nullable()
    })
    this.defer(async (db) => {
      await db
        .from('news_items')
        .where('status', 'published')
        .update({ published_at: db.raw('updated_at') })
    })

    this.schema.createTable('subscriptions', (table) => {
      table.increments('id')
      // Lower-cased; deleted with the row when the reader cancels.
      table.string('email', 254).notNullable().unique()
      table.string('locale', 5).notNullable().defaultTo('de')
      // 'news' | 'vendors' | 'both'
      table.string('kinds', 10).notNullable()
      // 'weekly' | 'immediate'
      table.string('frequency', 10).notNullable()
      table.timestamp('confirmed_at').nullable()
      table.timestamp('last_sent_at').nullable()
      // Raised by every digest: a run claims a subscription by its count.
      table.integer('digests_sent').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['confirmed_at', 'created_at'])
    })

    this.schema.createTable('subscription_topics', (table) => {
      table
        .integer('subscription_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('subscriptions')
        .onDelete('CASCADE')
      table
        .integer('topic_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('topics')
        .onDelete('CASCADE')
      table.primary(['subscription_id', 'topic_id'])
      table.index(['topic_id'])
    })

    this.schema.createTable('subscription_deliveries', (table) => {
      table
        .integer('subscription_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('subscriptions')
        .onDelete('CASCADE')
      // 'news' | 'vendor'
      table.string('item_type', 10).notNullable()
      table.integer('item_id').notNullable()
      table.timestamp('sent_at').notNullable()
      table.primary(['subscription_id', 'item_type', 'item_id'])
    })
  }

  async down() {
    this.schema.dropTable('subscription_deliveries')
    this.schema.dropTable('subscription_topics')
    this.schema.dropTable('subscriptions')
    this.schema.alterTable('news_items', (table) => {
      table.dropColumn('published_at')
    })
  }
}
