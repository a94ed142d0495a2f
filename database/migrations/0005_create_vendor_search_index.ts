import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The full-text index over vendors.search_text, kept in step by the database
 * itself: an FTS5 external-content table with triggers on SQLite, and a
 * generated tsvector column with a GIN index on PostgreSQL. The app only
 * writes the folded text; it never maintains the index by hand.
 */
export default class extends BaseSchema {
  async up() {
    // Lists without a query are ordered by name, case-insensitively.
    this.schema.raw(
      'CREATE INDEX vendors_status_lower_name_index ON vendors (status, lower(name), id)'
    )

    if (this.db.dialect.name === 'postgres') {
      this.schema.raw(`
        ALTER TABLE vendors ADD COLUMN search_vector tsvector
          GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED
      `)
      this.schema.raw(
        'CREATE INDEX vendors_search_vector_index ON vendors USING GIN (search_vector)'
      )
      return
    }

    this.schema.raw(`
      CREATE VIRTUAL TABLE vendor_search USING fts5(
        search_text, content='vendors', content_rowid='id', tokenize='unicode61'
      )
    `)
    this.schema.raw(`
      CREATE TRIGGER vendors_search_insert AFTER INSERT ON vendors BEGIN
        INSERT INTO vendor_search(rowid, search_text) VALUES (new.id, new.search_text);
      END
    `)
    this.schema.raw(`
      CREATE TRIGGER vendors_search_delete AFTER DELETE ON vendors BEGIN
        INSERT INTO vendor_search(vendor_search, rowid, search_text)
          VALUES ('delete', old.id, old.search_text);
      END
    `)
    this.schema.raw(`
      CREATE TRIGGER vendors_search_update AFTER UPDATE OF search_text ON vendors BEGIN
        INSERT INTO vendor_search(vendor_search, rowid, search_text)
          VALUES ('delete', old.id, old.search_text);
        INSERT INTO vendor_search(rowid, search_text) VALUES (new.id, new.search_text);
      END
    `)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS vendors_status_lower_name_index')
    if (this.db.dialect.name === 'postgres') {
      this.schema.raw('DROP INDEX IF EXISTS vendors_search_vector_index')
      this.schema.raw('ALTER TABLE vendors DROP COLUMN IF EXISTS search_vector')
      return
    }
    this.schema.raw('DROP TRIGGER IF EXISTS vendors_search_update')
    this.schema.raw('DROP TRIGGER IF EXISTS vendors_search_delete')
    this.schema.raw('DROP TRIGGER IF EXISTS vendors_search_insert')
    this.schema.raw('DROP TABLE IF EXISTS vendor_search')
  }
}
