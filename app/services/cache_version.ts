import db from '@adonisjs/lucid/services/db'

/** A number that every process can read, and any process move on. */
export interface VersionSource {
  read(): Promise<number>
  /** Adds one and says the number it moved to. */
  bump(): Promise<number>
}

/**
 * A version kept in the database (`cache_versions`), which every process
 * of the app reaches whatever else it shares: the app's processes on
 * SQLite, or on PostgreSQL without Redis, learn of each other's changes
 * through it. One indexed row is read; the bump is one statement.
 */
export class DatabaseVersion implements VersionSource {
  constructor(readonly name: string) {}

  async read(): Promise<number> {
    const row = await db.from('cache_versions').where('name', this.name).select('version').first()
    return Number(row?.version ?? 0)
  }

  async bump(): Promise<number> {
    // RETURNING, so the number is the one this statement wrote (SQLite 3.35+, PostgreSQL).
    const result = await db.rawQuery(
      'UPDATE cache_versions SET version = version + 1 WHERE name = ? RETURNING version',
      [this.name]
    )
    const rows: { version: number | string }[] = Array.isArray(result) ? result : result.rows
    return Number(rows[0]?.version ?? 0)
  }
}
