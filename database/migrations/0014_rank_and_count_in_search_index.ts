import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Lets the public search rank and count inside the full-text index, so a
 * common word costs no join over every match (issue 9, §6):
 *
 * - SQLite: the FTS5 table indexes the vendor's status as a second column,
 *   so "published and matching" is answered by the index alone, and its
 *   `rank` (bm25) weighs only the search text.
 * - PostgreSQL: a partial GIN index over published vendors' tsvector.
 *
 * Editorial search (every status) matches the search_text column only.
 */
export default class extends BaseSchema {
  async up() {
    if (this.db.dialect.name === 'postgres') {
      this.schema.raw(`
        CREATE INDEX vendors_published_search_vector_index ON vendors
          USING GIN (search_vector) WHERE status = 'published'
      `)
      return
    }

    this.#dropSqliteIndex()
    this.schema.raw(`
      CREATE VIRTUAL TABLE vendor_search USING fts5(
        search_text, status, content='vendors', content_rowid='id', tokenize='unicode61'
      )
    `)
    // The status column only filters; it never counts towards relevance.
    this.schema.raw(
      `INSERT INTO vendor_search(vendor_search, rank) VALUES ('rank', 'bm25(1.0, 0.0)')`
    )
    this.schema.raw(`
      CREATE TRIGGER vendors_search_insert AFTER INSERT ON vendors BEGIN
        INSERT INTO vendor_search(rowid, search_text, status)
          VALUES (new.id, new.search_text, new.status);
      END
    `)
    this.schema.raw(`
      CREATE TRIGGER vendors_search_delete AFTER DELETE ON vendors BEGIN
        INSERT INTO vendor_search(vendor_search, rowid, search_text, status)
          VALUES ('delete', old.id, old.search_text, old.status);
      END
    `)
    this.schema.raw(`
      CREATE TRIGGER vendors_search_update AFTER UPDATE OF search_text, status ON vendors BEGIN
        INSERT INTO vendor_search(vendor_search, rowid, search_text, status)
          VALUES ('delete', old.id, old.search_text, old.status);
        INSERT INTO vendor_search(rowid, search_text, status)
          VALUES (new.id, new.search_text, new.status);
      END
    `)
    this.schema.raw(`INSERT INTO vendor_search(vendor_search) VALUES ('rebuild')`)
  }

  async down() {
    if (this.db.dialect.name === 'postgres') {
      this.schema.raw('DROP INDEX IF EXISTS vendors_published_search_vector_index')
      return
    }

    // Back to the shape of 0005: the search text only.
    this.#dropSqliteIndex()
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
    this.schema.raw(`INSERT INTO vendor_search(vendor_search) VALUES ('rebuild')`)
  }

  #dropSqliteIndex() {
    this.schema.raw('DROP TRIGGER IF EXISTS vendors_search_update')
    this.schema.raw('DROP TRIGGER IF EXISTS vendors_search_delete')
    this.schema.raw('DROP TRIGGER IF EXISTS vendors_search_insert')
    this.schema.raw('DROP TABLE IF EXISTS vendor_search')
  }
}
