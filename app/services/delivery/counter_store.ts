import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

export const COUNTER_FIELDS = [
  'raw_impressions',
  'impressions',
  'clicks',
  'website_clicks',
  'profile_views',
] as const
export type CounterField = (typeof COUNTER_FIELDS)[number]

/** One row of `placement_counts`; 0 stands for "none" in the id columns. */
export type CounterRow = {
  day: string
  hour: number
  booking_id: number
  vendor_id: number
  topic_id: number
  paid: boolean
} & Record<CounterField, number>

/** Every counter summed over the rows. */
export function sumCounters(rows: Iterable<CounterRow>): Record<CounterField, number> {
  const sums = Object.fromEntries(COUNTER_FIELDS.map((field) => [field, 0])) as Record<
    CounterField,
    number
  >
  for (const row of rows) for (const field of COUNTER_FIELDS) sums[field] += row[field]
  return sums
}

export const COUNTER_KEY = ['day', 'hour', 'booking_id', 'vendor_id', 'topic_id', 'paid'] as const

/** Where the counter's buffer goes; a Redis or test store can take its place. */
export interface CounterStore {
  /** Adds the rows to what is stored, in one statement. */
  add(rows: CounterRow[]): Promise<void>
  /** Filtered impressions stored so far, per booking. */
  impressionTotals(bookingIds: number[]): Promise<Map<number, number>>
  /** A flush with nothing buffered: moves what other processes left behind (Redis). */
  sweep?(): Promise<void>
  /** Lets go of what the store holds (a writer thread) once the last flush is written. */
  close?(): Promise<void>
}

/** The columns of one upserted row, in the order of the JSON arrays `add` sends. */
export const ROW_COLUMNS = [...COUNTER_KEY, ...COUNTER_FIELDS]

/**
 * One statement for a whole flush, however many keys it holds: the rows go
 * as a single JSON parameter that the database unpacks (SQLite's
 * `jsonb_each`, PostgreSQL's `json_array_elements`): no query building per
 * row, and no limit on bound parameters or compound selects applies. Rows are inserted in key order,
 * the same in every process, so concurrent upserts on PostgreSQL cannot
 * deadlock; a stored row gets the counts added (`excluded` is the row the
 * statement tried to insert).
 */
export function upsertStatement(dialect: string) {
  const columns = ROW_COLUMNS.join(', ')
  const keyOrder = COUNTER_KEY.map((_, i) => i + 1).join(', ')
  const merge = COUNTER_FIELDS.map(
    (field) => `${field} = placement_counts.${field} + excluded.${field}`
  ).join(', ')
  const values =
    dialect === 'postgres'
      ? `SELECT ${ROW_COLUMNS.map((column, i) => `(row ->> ${i})::${pgType(column)}`).join(', ')}
         FROM json_array_elements(?::json) AS row`
      : // `jsonb_each` parses the text once: each row's values are then read from its binary
        // form (`json_each` would hand every `->>` the row's text to parse again, a third
        // of the statement's time). `WHERE true` keeps SQLite from reading ON CONFLICT as a
        // join's ON.
        `SELECT ${ROW_COLUMNS.map((_, i) => `value ->> ${i}`).join(', ')} FROM jsonb_each(?) WHERE true`
  return `INSERT INTO placement_counts (${columns}) ${values} ORDER BY ${keyOrder}
    ON CONFLICT (${COUNTER_KEY.join(', ')}) DO UPDATE SET ${merge}`
}

/** The rows as the upsert's one parameter: a JSON array of arrays, in `ROW_COLUMNS` order. */
function upsertParameter(rows: CounterRow[]): string {
  return JSON.stringify(rows.map((row) => ROW_COLUMNS.map((column) => row[column])))
}

function pgType(column: (typeof ROW_COLUMNS)[number]) {
  if (column === 'day') return 'varchar'
  return column === 'paid' ? 'boolean' : 'integer'
}

export class DatabaseCounterStore implements CounterStore {
  constructor(private client: () => QueryClientContract = () => db.connection()) {}

  async add(rows: CounterRow[]) {
    if (rows.length === 0) return
    const client = this.client()
    await client.rawQuery(upsertStatement(client.dialect.name), [upsertParameter(rows)])
  }

  async impressionTotals(bookingIds: number[]) {
    const totals = new Map<number, number>(bookingIds.map((id) => [id, 0]))
    if (bookingIds.length === 0) return totals
    const rows = await this.client()
      .from('placement_counts')
      .whereIn('booking_id', bookingIds)
      .groupBy('booking_id')
      .select('booking_id')
      .sum('impressions as total')
    for (const row of rows) totals.set(Number(row.booking_id), Number(row.total ?? 0))
    return totals
  }
}
