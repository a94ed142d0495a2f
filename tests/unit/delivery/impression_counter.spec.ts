import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { ImpressionCounter, type PlacementEntry } from '#services/delivery/impression_counter'
import { DatabaseCounterStore, type CounterRow } from '#services/delivery/counter_store'
import type { ViewRequest } from '#services/delivery/view_classification'

const READER: ViewRequest = {
  method: 'GET',
  headers: {
    'user-agent':
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  },
}
const BOT: ViewRequest = {
  method: 'GET',
  headers: {
    'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  },
}
const PREFETCH: ViewRequest = {
  ...READER,
  headers: { ...READER.headers, 'sec-purpose': 'prefetch' },
}
const HEAD: ViewRequest = { ...READER, method: 'HEAD' }

/** 14:20 in Berlin on 15 January 2027 (UTC+1). */
const noon = new Date('2027-01-15T13:20:00Z')

/** A page view: an ad, a paid box place and three unpaid ones. */
function placement(topicId: number, bookingId = 101): PlacementEntry[] {
  return [
    { bookingId, vendorId: null, topicId, paid: true },
    { bookingId: 202, vendorId: 1, topicId, paid: true },
    { bookingId: null, vendorId: 2, topicId, paid: false },
    { bookingId: null, vendorId: 3, topicId, paid: false },
    { bookingId: null, vendorId: 4, topicId, paid: false },
  ]
}

async function storedRows() {
  const rows = await db.from('placement_counts').orderBy('id')
  return rows.map((row) => ({ ...row, paid: Boolean(row.paid) }))
}

async function sum(column: string, where: Record<string, unknown> = {}) {
  const [row] = await db.from('placement_counts').where(where).sum(`${column} as total`)
  return Number(row.total ?? 0)
}

/** Counts the SQL statements sent while `work` runs. */
async function statementsDuring(work: () => Promise<void>) {
  const base = db.manager.get(db.primaryConnectionName)!.connection!.client!
  const sql: string[] = []
  const listener = (query: { sql: string }) => sql.push(query.sql)
  base.on('query', listener)
  try {
    await work()
  } finally {
    base.off('query', listener)
  }
  return sql
}

/** A real database store that fails its next write, as a lost connection would. */
class FailingOnceStore extends DatabaseCounterStore {
  failures = 1
  async add(rows: CounterRow[]) {
    if (this.failures > 0) {
      this.failures--
      throw new Error('connection lost')
    }
    return super.add(rows)
  }
}

test.group('Delivery / impression counter', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('keys counts by Berlin day and hour, booking or vendor, topic and paid', async ({
    assert,
  }) => {
    const counter = new ImpressionCounter(new DatabaseCounterStore(), () => noon)
    counter.record(placement(7), READER)
    counter.record(placement(7), BOT)
    await counter.flush()

    const rows = await storedRows()
    assert.lengthOf(rows, 5)
    const ad = rows.find((row) => row.booking_id === 101)!
    assert.containsSubset(ad, {
      day: '2027-01-15',
      hour: 14,
      vendor_id: 0,
      topic_id: 7,
      paid: true,
      raw_impressions: 2,
      impressions: 1,
      clicks: 0,
    })
    const unpaid = rows.find((row) => row.vendor_id === 3)!
    assert.containsSubset(unpaid, {
      booking_id: 0,
      paid: false,
      raw_impressions: 2,
      impressions: 1,
    })

    // Just after midnight in Berlin is still the 15th in UTC, but a new day here.
    const late = new ImpressionCounter(
      new DatabaseCounterStore(),
      () => new Date('2027-01-15T23:10:00Z')
    )
    late.record([{ bookingId: 101, vendorId: null, topicId: 7, paid: true }], READER)
    await late.flush()
    assert.equal(await sum('impressions', { day: '2027-01-16', hour: 0, booking_id: 101 }), 1)
  })

  test('bots, prefetches and HEAD requests count as raw only', async ({ assert }) => {
    const counter = new ImpressionCounter(new DatabaseCounterStore(), () => noon)
    for (const request of [READER, BOT, PREFETCH, HEAD, READER]) {
      counter.record([{ bookingId: 101, vendorId: null, topicId: 7, paid: true }], request)
    }
    await counter.flush()
    assert.equal(await sum('raw_impressions', { booking_id: 101 }), 5)
    assert.equal(await sum('impressions', { booking_id: 101 }), 2)
  })

  test('one flush writes 10,000 views as one upsert, and flushes add up', async ({ assert }) => {
    const counter = new ImpressionCounter(new DatabaseCounterStore(), () => noon)
    for (let i = 0; i < 10_000; i++) counter.record(placement(1 + (i % 20)), READER)
    assert.equal(counter.unflushed().impressions, 50_000)

    const first = await statementsDuring(() => counter.flush())
    assert.lengthOf(
      first.filter((sql) => /insert into/i.test(sql)),
      1,
      first.join('\n')
    )
    assert.lengthOf(first, 1)
    assert.equal(await sum('impressions'), 50_000)
    assert.lengthOf(await storedRows(), 20 * 5)

    // The same keys again: the upsert adds to the stored values.
    for (let i = 0; i < 1_000; i++) counter.record(placement(1 + (i % 20)), BOT)
    const second = await statementsDuring(() => counter.flush())
    assert.lengthOf(second, 1)
    assert.equal(await sum('impressions'), 50_000)
    assert.equal(await sum('raw_impressions'), 55_000)
    assert.lengthOf(await storedRows(), 20 * 5)

    // Nothing buffered: no statement at all.
    assert.lengthOf(await statementsDuring(() => counter.flush()), 0)
  })

  test('a flush of thousands of keys (a box rotating over 20,000 vendors) stores them all', async ({
    assert,
  }) => {
    const counter = new ImpressionCounter(new DatabaseCounterStore(), () => noon)
    // 3,000 views, each showing four vendors nobody else shows: 12,000 keys in one flush.
    for (let view = 0; view < 3_000; view++) {
      const vendors = [1, 2, 3, 4].map((place) => 4 * view + place)
      counter.record(
        vendors.map((vendorId) => ({ bookingId: null, vendorId, topicId: 7, paid: false })),
        READER
      )
    }
    await counter.flush()
    assert.isFalse(counter.hasUnflushed)
    assert.equal(await sum('impressions', { topic_id: 7 }), 12_000)
    const [{ total }] = await db.from('placement_counts').where('topic_id', 7).count('* as total')
    assert.equal(Number(total), 12_000)
  })

  test('counts recorded while flushes run end up equal to the views', async ({ assert }) => {
    const counter = new ImpressionCounter(new DatabaseCounterStore(), () => noon)
    const views = 3_000
    const flushes: Promise<void>[] = []
    await Promise.all(
      Array.from({ length: views }, async (_, i) => {
        await new Promise((resolve) => setImmediate(resolve))
        counter.record(placement(1 + (i % 3)), i % 10 === 0 ? BOT : READER)
        if (i % 250 === 0) flushes.push(counter.flush())
      })
    )
    await Promise.all(flushes)
    await counter.flush()
    assert.equal(await sum('raw_impressions', { booking_id: 101 }), views)
    assert.equal(await sum('impressions', { booking_id: 101 }), views - views / 10)
    assert.equal(await sum('raw_impressions'), views * 5)
    assert.isFalse(counter.hasUnflushed)
  })

  test('a failed flush keeps its counts for the next one', async ({ assert }) => {
    const store = new FailingOnceStore()
    const counter = new ImpressionCounter(store, () => noon)
    counter.record(placement(7), READER)
    counter.record(placement(7), READER)

    await assert.rejects(() => counter.flush(), 'connection lost')
    assert.equal(await sum('raw_impressions'), 0)
    assert.equal(counter.unflushed().impressions, 10)
    assert.equal(counter.delivered(101), 2)

    counter.record(placement(7), READER)
    await counter.flush()
    assert.equal(await sum('impressions', { booking_id: 101 }), 3)
    assert.equal(await sum('impressions'), 15)
    assert.isFalse(counter.hasUnflushed)
  })

  test('flush after flush, each writes only what was counted since, into the hour it was counted', async ({
    assert,
  }) => {
    let now = noon
    const written: CounterRow[][] = []
    const store = new DatabaseCounterStore()
    const counter = new ImpressionCounter(
      {
        add: async (rows) => {
          written.push(rows.map((row) => ({ ...row })))
          await store.add(rows)
        },
        impressionTotals: (ids) => store.impressionTotals(ids),
      },
      () => now
    )
    counter.record(placement(7), READER)
    counter.record(placement(7), BOT)
    await counter.flush()
    // The same places again, in the same hour, then in the next one.
    counter.record(placement(7), READER)
    await counter.flush()
    now = new Date('2027-01-15T14:05:00Z')
    counter.record(placement(7), READER)
    await counter.flush()
    await counter.flush()

    // Each flush handed over the rows of its own views only, and nothing when there was none.
    assert.deepEqual(
      written.map((rows) => rows.map((row) => [row.hour, row.raw_impressions, row.impressions])),
      [Array(5).fill([14, 2, 1]), Array(5).fill([14, 1, 1]), Array(5).fill([15, 1, 1])]
    )
    assert.equal(await sum('raw_impressions', { hour: 14 }), 3 * 5)
    assert.equal(await sum('impressions', { hour: 14 }), 2 * 5)
    assert.equal(await sum('impressions', { hour: 15 }), 1 * 5)
    assert.lengthOf(await storedRows(), 10)
  })

  test('delivered: stored plus unflushed filtered impressions; caps', async ({ assert }) => {
    await db.table('placement_counts').insert([
      {
        day: '2027-01-14',
        hour: 9,
        booking_id: 101,
        vendor_id: 0,
        topic_id: 7,
        paid: true,
        raw_impressions: 12,
        impressions: 8,
      },
      {
        day: '2027-01-15',
        hour: 9,
        booking_id: 101,
        vendor_id: 0,
        topic_id: 8,
        paid: true,
        raw_impressions: 3,
        impressions: 2,
      },
    ])
    const counter = new ImpressionCounter(new DatabaseCounterStore(), () => noon)
    const counts = await counter.deliveredCounts([101, 303])
    assert.equal(counts.delivered(101), 10)
    assert.equal(counts.delivered(303), 0)

    counter.record([{ bookingId: 101, vendorId: null, topicId: 7, paid: true }], READER)
    counter.record([{ bookingId: 101, vendorId: null, topicId: 7, paid: true }], BOT)
    assert.equal(counts.delivered(101), 11)
    assert.isFalse(counts.reached(101, 12))
    assert.isTrue(counts.reached(101, 11))
    assert.isFalse(counts.reached(101, null))

    // After the flush the stored total holds it, counted once.
    await counter.flush()
    assert.equal(counts.delivered(101), 11)

    // Another process's flush arrives with this process's next flush.
    await db.table('placement_counts').insert({
      day: '2027-01-15',
      hour: 10,
      booking_id: 101,
      vendor_id: 0,
      topic_id: 9,
      paid: true,
      raw_impressions: 5,
      impressions: 5,
    })
    assert.equal(counts.delivered(101), 11)
    await counter.flush()
    assert.equal(counts.delivered(101), 16)
    assert.isTrue(counts.reached(101, 12))
  })

  test('clicks, website clicks and profile views', async ({ assert }) => {
    const counter = new ImpressionCounter(new DatabaseCounterStore(), () => noon)
    counter.recordClick('ad', { bookingId: 101, vendorId: null, topicId: 7 })
    counter.recordClick('box', { bookingId: 202, vendorId: 1, topicId: 7 })
    counter.recordClick('website', { bookingId: null, vendorId: 2, topicId: null })
    counter.recordProfileView(2, READER)
    counter.recordProfileView(2, READER)
    counter.recordProfileView(2, BOT)
    counter.recordProfileView(2, HEAD)
    await counter.flush()
    assert.equal(await sum('clicks', { booking_id: 101 }), 1)
    assert.equal(await sum('clicks', { booking_id: 202, vendor_id: 1 }), 1)
    assert.equal(await sum('website_clicks', { vendor_id: 2 }), 1)
    assert.equal(await sum('profile_views', { vendor_id: 2 }), 2)
    assert.equal(await sum('clicks', { vendor_id: 2 }), 0)
  })
})
