import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * News items ("Meldungen"), their topics (ordered: the first is the item's
 * own topic) and keywords ("Stichwörter"), which vendors carry too.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('news_items', (table) => {
      table.increments('id')
      table.string('slug', 200).notNullable().unique()
      table.string('kicker', 120).notNullable().defaultTo('')
      table.string('title', 200).notNullable()
      table.date('published_on').notNullable()
      table.text('teaser').notNullable()
      table.text('body').notNullable()
      // [{ title, url }] as JSON.
      table.text('source_links').notNullable().defaultTo('[]')
      table.string('image_credit', 200).nullable()
      table.string('status', 20).notNullable().defaultTo('draft')
      table.text('rejection_reason').nullable()
      table
        .integer('vendor_id')
        .unsigned()
        .nullable()
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
      table.timestamp('submitted_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['status', 'published_on'])
      table.index(['vendor_id'])
    })

    this.schema.createTable('news_topics', (table) => {
      table
        .integer('news_item_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('news_items')
        .onDelete('CASCADE')
      table
        .integer('topic_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('topics')
        .onDelete('CASCADE')
      // 0 is the item's own topic ("Weitere Meldungen aus dem Bereich …").
      table.integer('position').notNullable().defaultTo(0)
      table.primary(['news_item_id', 'topic_id'])
      table.index(['topic_id', 'news_item_id'])
    })

    this.schema.createTable('keywords', (table) => {
      table.increments('id')
      table.string('slug', 120).notNullable().unique()
      table.string('name', 120).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('news_keywords', (table) => {
      table
        .integer('news_item_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('news_items')
        .onDelete('CASCADE')
      table
        .integer('keyword_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('keywords')
        .onDelete('CASCADE')
      table.integer('position').notNullable().defaultTo(0)
      table.primary(['news_item_id', 'keyword_id'])
      table.index(['keyword_id', 'news_item_id'])
    })

    this.schema.createTable('vendor_keywords', (table) => {
      table
        .integer('vendor_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('vendors')
        .onDelete('CASCADE')
      table
        .integer('keyword_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('keywords')
        .onDelete('CASCADE')
      table.integer('position').notNullable().defaultTo(0)
      table.primary(['vendor_id', 'keyword_id'])
      table.index(['keyword_id', 'vendor_id'])
    })
  }

  async down() {
    this.schema.dropTable('vendor_keywords')
    this.schema.dropTable('news_keywords')
    this.schema.dropTable('keywords')
    this.schema.dropTable('news_topics')
    this.schema.dropTable('news_items')
  }
}
