import { randomBytes } from 'node:crypto'
import type { RedisConnection } from '@adonisjs/redis'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import {
  COUNTER_FIELDS,
  DatabaseCounterStore,
  type CounterField,
  type CounterRow,
  type CounterStore,
} from '#services/delivery/counter_store'

type IoRedis = RedisConnection['ioConnection']

const PENDING = 'counts:pending'
const BATCHES = 'counts:batches'
const BATCH = 'counts:batch:'

/**
 * Claims what is pending as one batch: renames the pending hash to the
 * batch's key and records the batch with its time, in one atomic step, so
 * every count lands in exactly one batch. KEYS: pending, batches; ARGV: the
 * batch's full key (with the connection's prefix), its id, now in ms.
 */
const CLAIM = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], tonumber(ARGV[3]), ARGV[2])
return 1
`

/** The connection once `defineCommand` has added the script (ioredis does not type it). */
type WithClaim = {
  claimCounterBatch(
    pending: string,
    batches: string,
    batchKey: string,
    id: string,
    nowMs: number
  ): Promise<number>
}

/** A claimed batch older than this was left behind by a process that died; any process applies it. */
const STALE_AFTER_MS = 10_000
/** Applied batch ids are kept this long (a replay comes seconds later, not days). */
const KEEP_BATCH_IDS_MS = 7 * 24 * 3600 * 1000

/**
 * The counters of several processes (REDIS_HOST set). Every process adds
 * its buffered counts to one Redis hash (HINCRBY, in one MULTI), then
 * moves them to the database:
 *
 * 1. it claims the pending hash as a batch (an atomic rename), so no two
 *    processes ever hold the same counts;
 * 2. it adds the batch to `placement_counts` and records the batch's id in
 *    `counter_batches`, in one transaction; a batch whose id is already
 *    there was applied before and adds nothing;
 * 3. it deletes the batch from Redis.
 *
 * A process that dies between 1 and 3 leaves its batch in Redis; after
 * STALE_AFTER_MS any process applies it (step 2 makes that safe). So a
 * count that reached Redis is never lost and never flushed twice; what a
 * process loses on `kill -9` is only its in-memory buffer (at most one
 * flush interval of its views).
 */
export class RedisCounterStore implements CounterStore {
  #prefix: string
  #prunedAt = 0

  constructor(
    private redis: IoRedis,
    private client: () => QueryClientContract = () => db.connection(),
    private staleAfterMs = STALE_AFTER_MS
  ) {
    this.#prefix = String(redis.options.keyPrefix ?? '')
    if (!('claimCounterBatch' in redis)) {
      redis.defineCommand('claimCounterBatch', { numberOfKeys: 2, lua: CLAIM })
    }
  }

  /** Adds the rows in Redis (all or nothing), then moves what is pending to the database. */
  async add(rows: CounterRow[]) {
    if (rows.length > 0) {
      const multi = this.redis.multi()
      for (const row of rows) {
        for (const field of COUNTER_FIELDS) {
          if (row[field] > 0) multi.hincrby(PENDING, fieldOf(row, field), row[field])
        }
      }
      await multi.exec()
    }
    // The counts are safe in Redis now: a failed move is retried by the next flush, of any process.
    try {
      await this.moveToDatabase()
    } catch (error) {
      logger.error({ err: error }, 'moving the counters from Redis to the database failed')
    }
  }

  /** An idle flush: what others left pending, or a batch a dead process claimed. */
  async sweep() {
    await this.moveToDatabase()
  }

  /** Claims what is pending and applies it, then any batch a dead process left behind. */
  async moveToDatabase() {
    const id = `${Date.now()}-${randomBytes(6).toString('hex')}`
    const claimed = await (this.redis as unknown as WithClaim).claimCounterBatch(
      PENDING,
      BATCHES,
      `${this.#prefix}${BATCH}${id}`,
      id,
      Date.now()
    )
    if (claimed === 1) await this.#apply(id)
    const stale = await this.redis.zrangebyscore(
      BATCHES,
      '-inf',
      Date.now() - this.staleAfterMs,
      'LIMIT',
      0,
      50
    )
    for (const staleId of stale) await this.#apply(staleId)
  }

  async #apply(id: string) {
    const rows = rowsOf(await this.redis.hgetall(`${BATCH}${id}`))
    await this.client().transaction(async (trx) => {
      const inserted = await trx
        .knexQuery()
        .table('counter_batches')
        .insert({ id: `${this.#prefix}${id}`, applied_at: new Date() })
        .onConflict('id')
        .ignore()
        .returning('id')
      if (inserted.length === 0) return // applied before
      await new DatabaseCounterStore(() => trx).add(rows)
    })
    await this.redis.multi().del(`${BATCH}${id}`).zrem(BATCHES, id).exec()
    await this.#pruneBatchIds()
  }

  async #pruneBatchIds() {
    if (Date.now() - this.#prunedAt < 3600_000) return
    this.#prunedAt = Date.now()
    await this.client()
      .from('counter_batches')
      .where('applied_at', '<', new Date(Date.now() - KEEP_BATCH_IDS_MS))
      .delete()
  }

  /** Stored totals plus what waits in Redis (caps see every process's counts). */
  async impressionTotals(bookingIds: number[]) {
    const totals = await new DatabaseCounterStore(this.client).impressionTotals(bookingIds)
    for (const row of await this.waiting()) {
      if (totals.has(row.booking_id) && row.impressions > 0) {
        totals.set(row.booking_id, totals.get(row.booking_id)! + row.impressions)
      }
    }
    return totals
  }

  /**
   * What waits in Redis for the database: pending, and claimed but not yet
   * deleted. For a moment after a batch's commit it is counted here and in
   * the database too; caps then stop a view early, never late.
   */
  async waiting(): Promise<CounterRow[]> {
    const ids = await this.redis.zrange(BATCHES, 0, -1)
    const pipeline = this.redis.pipeline().hgetall(PENDING)
    for (const id of ids) pipeline.hgetall(`${BATCH}${id}`)
    const results = (await pipeline.exec()) ?? []
    const rows: CounterRow[] = []
    for (const [error, hash] of results) {
      if (error) throw error
      rows.push(...rowsOf(hash as Record<string, string>))
    }
    return rows
  }
}

/** The hash field of one counter: the row's key and the counter's name. */
function fieldOf(row: CounterRow, field: CounterField) {
  const paid = row.paid ? 1 : 0
  return `${row.day}|${row.hour}|${row.booking_id}|${row.vendor_id}|${row.topic_id}|${paid}|${field}`
}

/** The rows of a counter hash, one per key, with every counter it holds. */
function rowsOf(hash: Record<string, string>): CounterRow[] {
  const rows = new Map<string, CounterRow>()
  for (const [name, value] of Object.entries(hash)) {
    const cut = name.lastIndexOf('|')
    const key = name.slice(0, cut)
    const field = name.slice(cut + 1) as CounterField
    if (!COUNTER_FIELDS.includes(field)) continue
    let row = rows.get(key)
    if (!row) {
      const [day, hour, bookingId, vendorId, topicId, paid] = key.split('|')
      row = {
        day,
        hour: Number(hour),
        booking_id: Number(bookingId),
        vendor_id: Number(vendorId),
        topic_id: Number(topicId),
        paid: paid === '1',
        raw_impressions: 0,
        impressions: 0,
        clicks: 0,
        website_clicks: 0,
        profile_views: 0,
      }
      rows.set(key, row)
    }
    row[field] += Number(value)
  }
  return [...rows.values()]
}
