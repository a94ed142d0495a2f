import db from '@adonisjs/lucid/services/db'

/**
 * The full-text query syntax of both databases, built in one place from
 * search terms (letters and digits only, see searchTerms in fold.ts): each
 * term is a prefix, and all must match. The values still go in as bindings.
 */

/** FTS5: the terms against the search text only (the index also holds the status). */
export function ftsMatch(terms: string[], options: { publishedOnly?: boolean } = {}): string {
  const words = `search_text : (${terms.map((term) => `"${term}"*`).join(' ')})`
  return options.publishedOnly ? `${words} AND status : "published"` : words
}

/** PostgreSQL: the argument of to_tsquery('simple', ?). */
export function tsQuery(terms: string[]): string {
  return terms.map((term) => `${term}:*`).join(' & ')
}

export type RankedMatches = {
  /** The requested page's vendor ids, best match first (ties by id). */
  ids: number[]
  /** How many published vendors match in all. */
  total: number
}

/**
 * Published vendors matching every term, ranked and counted by the index
 * itself: no row of `vendors` is read but the page's. SQLite answers from
 * the FTS5 table alone (its status column filters, its `rank` is bm25 of
 * the search text); PostgreSQL from the partial GIN index over published
 * vendors, ranking and counting in one scan.
 */
export async function rankedMatches(
  terms: string[],
  page: { offset: number; limit: number }
): Promise<RankedMatches> {
  if (db.connection().dialect.name === 'postgres') return rankedOnPostgres(terms, page)

  const match = ftsMatch(terms, { publishedOnly: true })
  const [counted] = await db.rawQuery<{ total: number }[]>(
    'SELECT count(*) AS total FROM vendor_search WHERE vendor_search MATCH ?',
    [match]
  )
  const total = Number(counted?.total ?? 0)
  if (total === 0 || page.offset >= total) return { ids: [], total }
  const rows = await db.rawQuery<{ id: number }[]>(
    `SELECT rowid AS id FROM vendor_search WHERE vendor_search MATCH ?
       ORDER BY rank, rowid LIMIT ? OFFSET ?`,
    [match, page.limit, page.offset]
  )
  return { ids: rows.map((row) => Number(row.id)), total }
}

async function rankedOnPostgres(
  terms: string[],
  page: { offset: number; limit: number }
): Promise<RankedMatches> {
  const query = tsQuery(terms)
  // The count rides along as a window over the same scan.
  const result = await db.rawQuery<{ rows: { id: number; total: string }[] }>(
    `SELECT id, count(*) OVER () AS total FROM vendors
       WHERE status = 'published' AND search_vector @@ to_tsquery('simple', ?)
       ORDER BY ts_rank(search_vector, to_tsquery('simple', ?)) DESC, id ASC
       LIMIT ? OFFSET ?`,
    [query, query, page.limit, page.offset]
  )
  const rows = result.rows
  if (rows.length > 0) {
    return { ids: rows.map((row) => Number(row.id)), total: Number(rows[0].total) }
  }
  // Past the last page the window has no row to ride on: count on its own.
  const counted = await db.rawQuery<{ rows: { total: string }[] }>(
    `SELECT count(*) AS total FROM vendors
       WHERE status = 'published' AND search_vector @@ to_tsquery('simple', ?)`,
    [query]
  )
  return { ids: [], total: Number(counted.rows[0]?.total ?? 0) }
}
