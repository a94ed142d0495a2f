import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { COUNTER_FIELDS, type CounterField } from '#services/delivery/counter_store'

export type DayTotals = { day: string } & Record<CounterField, number>

/** What the counters hold per Europe/Berlin day, from `fromDay` on, oldest first. */
export async function dailyTotals(
  fromDay: string,
  client: QueryClientContract = db.connection()
): Promise<DayTotals[]> {
  const query = client
    .from('placement_counts')
    .where('day', '>=', fromDay)
    .groupBy('day')
    .orderBy('day')
    .select('day')
  for (const field of COUNTER_FIELDS) query.sum(`${field} as ${field}`)
  const rows = await query
  return rows.map((row) => ({
    day: String(row.day),
    ...(Object.fromEntries(
      COUNTER_FIELDS.map((field) => [field, Number(row[field] ?? 0)])
    ) as Record<CounterField, number>),
  }))
}
