import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { PostalCodeRow } from '#services/geo/postal_code_import'

export type PostalCodeSyncResult = { inserted: number; updated: number; unchanged: number }

/** Rows per INSERT statement: 5 columns × 500 stays far below every bind limit. */
const STATEMENT_ROWS = 500
/** Rows per transaction. */
const TRANSACTION_ROWS = 2000

/**
 * Writes aggregated postal codes. Only new or changed rows are written, in
 * batches, each batch in one transaction; a second run of the same file
 * therefore writes nothing.
 */
export async function syncPostalCodes(
  rows: PostalCodeRow[],
  onProgress: (done: number, total: number) => void = () => {}
): Promise<PostalCodeSyncResult> {
  const existing = new Map<string, PostalCodeRow>()
  for (const row of await db
    .from('postal_codes')
    .select('code', 'place', 'state', 'latitude', 'longitude')) {
    existing.set(row.code, row)
  }

  const result: PostalCodeSyncResult = { inserted: 0, updated: 0, unchanged: 0 }
  const changed: PostalCodeRow[] = []
  for (const row of rows) {
    const current = existing.get(row.code)
    if (!current) {
      result.inserted++
      changed.push(row)
    } else if (!samePostalCode(current, row)) {
      result.updated++
      changed.push(row)
    } else {
      result.unchanged++
    }
  }

  onProgress(0, changed.length)
  for (let start = 0; start < changed.length; start += TRANSACTION_ROWS) {
    const batch = changed.slice(start, start + TRANSACTION_ROWS)
    await db.transaction(async (trx) => {
      for (let offset = 0; offset < batch.length; offset += STATEMENT_ROWS) {
        await trx
          .knexQuery()
          .table('postal_codes')
          .insert(batch.slice(offset, offset + STATEMENT_ROWS))
          .onConflict('code')
          .merge(['place', 'state', 'latitude', 'longitude'])
      }
    })
    onProgress(start + batch.length, changed.length)
  }
  return result
}

function samePostalCode(a: PostalCodeRow, b: PostalCodeRow) {
  return (
    a.place === b.place &&
    (a.state ?? null) === (b.state ?? null) &&
    Number(a.latitude) === b.latitude &&
    Number(a.longitude) === b.longitude
  )
}

/**
 * Gives vendors the coordinate of their postal code (all vendors, or only
 * the given ones). Vendors whose code is unknown keep what they have, and a
 * vendor's city is never touched: "Halle (Saale)" stays "Halle (Saale)".
 *
 * One UPDATE with correlated subqueries, which SQLite and PostgreSQL both
 * understand. Returns the number of vendors whose coordinate changed.
 */
export async function assignVendorCoordinates(
  client: QueryClientContract = db.connection(),
  vendorIds?: number[]
): Promise<number> {
  const sql = `
    UPDATE vendors SET
      latitude = (SELECT pc.latitude FROM postal_codes pc WHERE pc.code = vendors.postal_code),
      longitude = (SELECT pc.longitude FROM postal_codes pc WHERE pc.code = vendors.postal_code)
    WHERE EXISTS (
      SELECT 1 FROM postal_codes pc
      WHERE pc.code = vendors.postal_code
        AND (vendors.latitude IS NULL OR vendors.longitude IS NULL
          OR vendors.latitude <> pc.latitude OR vendors.longitude <> pc.longitude)
    )`

  if (!vendorIds) {
    return affectedRows(await client.rawQuery(sql))
  }

  let changed = 0
  for (let start = 0; start < vendorIds.length; start += STATEMENT_ROWS) {
    const ids = vendorIds.slice(start, start + STATEMENT_ROWS)
    if (!ids.length) continue
    const placeholders = ids.map(() => '?').join(', ')
    changed += affectedRows(
      await client.rawQuery(`${sql} AND vendors.id IN (${placeholders})`, ids)
    )
  }
  return changed
}

/** knex hands back pg's result object or better-sqlite3's run info. */
function affectedRows(result: any): number {
  return Number(result?.rowCount ?? result?.changes ?? 0)
}
