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
}

/**
 * Rows per statement. knex writes a multi-row insert on SQLite as one
 * compound `SELECT … UNION ALL …`, and SQLite allows at most 500 terms in
 * one (SQLITE_MAX_COMPOUND_SELECT); 400 also stays far below both
 * databases' limits on bound parameters (11 a row). A busy second over
 * thousands of vendors holds more keys than that, so a flush often takes
 * several statements; all of them run in one transaction.
 */
const ROWS_PER_STATEMENT = 400

export class DatabaseCounterStore implements CounterStore {
  constructor(private client: () => QueryClientContract = () => db.connection()) {}

  async add(rows: CounterRow[]) {
    if (rows.length === 0) return
    // One order for every process, so concurrent upserts on PostgreSQL cannot deadlock.
    const sorted = [...rows].sort(compareKeys)
    const write = (client: QueryClientContract, chunk: CounterRow[]) => {
      const knex = client.getWriteClient()
      // Adds to what is stored: `excluded` is the row this statement tried to insert.
      const merge = Object.fromEntries(
        COUNTER_FIELDS.map((field) => [
          field,
          knex.raw('??.?? + excluded.??', ['placement_counts', field, field]),
        ])
      )
      return client
        .knexQuery()
        .table('placement_counts')
        .insert(chunk)
        .onConflict([...COUNTER_KEY])
        .merge(merge)
    }
    if (sorted.length <= ROWS_PER_STATEMENT) {
      await write(this.client(), sorted)
      return
    }
    await this.client().transaction(async (trx) => {
      for (let i = 0; i < sorted.length; i += ROWS_PER_STATEMENT) {
        await write(trx, sorted.slice(i, i + ROWS_PER_STATEMENT))
      }
    })
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

function compareKeys(a: CounterRow, b: CounterRow) {
  for (const key of COUNTER_KEY) {
    const left = a[key]
    const right = b[key]
    if (left < right) return -1
    if (left > right) return 1
  }
  return 0
}
