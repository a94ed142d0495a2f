import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import {
  decidePlacement,
  EMPTY_STATE,
  type Decision,
  type PlacementCandidates,
  type RotationState,
} from '#services/placement/decision'
import { RedisCursorStore } from '#services/placement/redis_cursor_store'
import { RedisCounterStore } from '#services/delivery/redis_counter_store'
import { type CounterRow } from '#services/delivery/counter_store'
import { RedisClickDedupe } from '#services/delivery/click_dedupe'
import { DirectoryCache } from '#services/directory_cache'
import { shareCacheClears } from '#services/shared/redis_state'
import { RedisProcesses } from '#tests/helpers/redis'

/**
 * The state processes share through Redis (REDIS_HOST set), each test with
 * several connections standing in for several processes. These run against
 * the local Redis server (127.0.0.1:6379, or REDIS_TEST_HOST/REDIS_TEST_PORT).
 */

/** Four ad bookings (advertiser 1 holds two of them: 2:1:1) and a box of 4 among 9 vendors. */
const RULE: PlacementCandidates = {
  ads: [
    { bookingId: 11, advertiserId: 1 },
    { bookingId: 12, advertiserId: 1 },
    { bookingId: 13, advertiserId: 2 },
    { bookingId: 14, advertiserId: 3 },
  ],
  paid: [],
  paidPlaces: 2,
  unpaid: [1, 2, 3, 4, 5, 6, 7, 8, 9],
}

function tally<T>(items: T[]) {
  const counts = new Map<T, number>()
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1)
  return counts
}

/** A day of their own, so that rows other tests leave in the table do not count here. */
const DAY = '2031-05-14'
const BOOKING = 9101

const READER_ROW = (overrides: Partial<CounterRow> = {}): CounterRow => ({
  day: DAY,
  hour: 14,
  booking_id: BOOKING,
  vendor_id: 0,
  topic_id: 1,
  paid: true,
  raw_impressions: 1,
  impressions: 1,
  clicks: 0,
  website_clicks: 0,
  profile_views: 0,
  ...overrides,
})

async function stored(column: string, where: Record<string, unknown> = {}) {
  const [row] = await db
    .from('placement_counts')
    .where({ day: DAY, ...where })
    .sum(`${column} as total`)
  return Number(row.total ?? 0)
}

test.group('Shared state in Redis: rotation across processes', (group) => {
  const redis = new RedisProcesses()
  group.teardown(() => redis.cleanup())

  test('10,000 views over 4 processes: every share within ±1 %, every vendor within ±2 %', async ({
    assert,
  }) => {
    const stores = redis
      .connections(4)
      .map((connection) => new RedisCursorStore(connection.ioConnection))
    const decisions: Decision[] = []
    const views = 10_000
    // 25 views at a time, each on the next process, all racing for the same state.
    for (let view = 0; view < views; view += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          stores[(view + i) % 4].turn<RotationState, Decision>('placement:1', (state) => {
            const turned = decidePlacement(RULE, state ?? EMPTY_STATE)
            return { value: turned.decision, next: turned.next }
          })
        )
      )
      decisions.push(...batch)
    }

    const ads = tally(decisions.map((decision) => decision.adBookingId))
    for (const bookingId of [11, 12, 13, 14]) {
      const seen = (ads.get(bookingId) ?? 0) / views
      assert.approximately(seen, 0.25, 0.01, `booking ${bookingId}: ${seen}`)
    }
    const advertiserOne = ((ads.get(11) ?? 0) + (ads.get(12) ?? 0)) / views
    assert.approximately(advertiserOne, 0.5, 0.01)
    const vendors = tally(decisions.flatMap((decision) => decision.unpaidIds))
    const mean = (views * 4) / 9
    assert.equal(vendors.size, 9)
    for (const [vendorId, count] of vendors) {
      assert.isAtMost(Math.abs(count - mean) / mean, 0.02, `vendor ${vendorId}: ${count}`)
    }
    // No view lost its turn: each view showed a full box of distinct vendors.
    for (const decision of decisions) assert.equal(new Set(decision.unpaidIds).size, 4)
  }).timeout(120_000)

  test('settled runs once per view, with the value written', async ({ assert }) => {
    const stores = redis
      .connections(2)
      .map((connection) => new RedisCursorStore(connection.ioConnection))
    const settled: number[] = []
    const values = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        stores[i % 2].turn<number, number>(
          'counter',
          (state) => ({ value: (state ?? 0) + 1, next: (state ?? 0) + 1 }),
          (value) => settled.push(value)
        )
      )
    )
    // Every turn saw the previous one's state: 1 … 200, each exactly once.
    assert.deepEqual(
      [...values].sort((a, b) => a - b),
      Array.from({ length: 200 }, (_, i) => i + 1)
    )
    assert.deepEqual(
      [...settled].sort((a, b) => a - b),
      [...values].sort((a, b) => a - b)
    )
  })
})

test.group('Shared state in Redis: counters', (group) => {
  const redis = new RedisProcesses()
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.teardown(() => redis.cleanup())

  test('4 processes adding at once: the database ends with every count, once', async ({
    assert,
  }) => {
    const stores = redis
      .connections(4)
      .map((connection) => new RedisCounterStore(connection.ioConnection))
    await Promise.all(
      stores.flatMap((store, process) =>
        Array.from({ length: 30 }, (_, round) =>
          store.add([
            READER_ROW({ hour: round % 3 }),
            READER_ROW({ booking_id: 0, vendor_id: process + 1, paid: false, impressions: 0 }),
            READER_ROW({ clicks: 1, raw_impressions: 0, impressions: 0 }),
          ])
        )
      )
    )
    await stores[0].moveToDatabase()

    assert.equal(await stored('impressions', { booking_id: BOOKING }), 120)
    assert.equal(await stored('raw_impressions'), 240)
    assert.equal(await stored('clicks'), 120)
    assert.equal(await stored('raw_impressions', { vendor_id: 3 }), 30)
    assert.deepEqual(await stores[1].waiting(), [])
  })

  test('a batch left by a dead process is applied once, even if it was already written', async ({
    assert,
  }) => {
    const [left, survivor] = redis.connections(2)
    const io = left.ioConnection
    // The dead process had claimed two batches: one it wrote before dying, one it never wrote.
    await io.hset('counts:batch:1-written', `${DAY}|14|${BOOKING}|0|1|1|impressions`, '7')
    await io.hset('counts:batch:2-unwritten', `${DAY}|14|${BOOKING}|0|1|1|impressions`, '5')
    await io.zadd(
      'counts:batches',
      Date.now() - 60_000,
      '1-written',
      Date.now() - 60_000,
      '2-unwritten'
    )
    await db
      .table('counter_batches')
      .insert({ id: `${redis.prefix}1-written`, applied_at: new Date() })
    await db
      .table('placement_counts')
      .insert({ ...READER_ROW({ impressions: 7, raw_impressions: 0 }) })

    const store = new RedisCounterStore(survivor.ioConnection, undefined, 1_000)
    const before = await store.impressionTotals([BOOKING])
    assert.equal(before.get(BOOKING), 7 + 7 + 5, 'waiting counts count for caps')
    await store.moveToDatabase()

    assert.equal(await stored('impressions', { booking_id: BOOKING }), 12)
    assert.deepEqual(await store.waiting(), [])
    assert.deepEqual(await io.zrange('counts:batches', 0, -1), [])
    const after = await store.impressionTotals([BOOKING])
    assert.equal(after.get(BOOKING), 12)
  })

  test('a fresh claim is left to its own process until it is stale', async ({ assert }) => {
    const [owner, other] = redis.connections(2)
    await owner.ioConnection.hset(
      'counts:batch:9-fresh',
      `${DAY}|14|${BOOKING}|0|1|1|impressions`,
      '3'
    )
    await owner.ioConnection.zadd('counts:batches', Date.now(), '9-fresh')
    await new RedisCounterStore(other.ioConnection, undefined, 60_000).moveToDatabase()
    assert.equal(await stored('impressions'), 0)
    assert.lengthOf(await owner.ioConnection.zrange('counts:batches', 0, -1), 1)
    await owner.ioConnection.del('counts:batch:9-fresh', 'counts:batches')
  })
})

test.group('Shared state in Redis: clicks and cache clears', (group) => {
  const redis = new RedisProcesses()
  group.teardown(() => redis.cleanup())

  test('a click counts once per token, viewer and day, whichever process serves it', async ({
    assert,
  }) => {
    const [a, b] = redis
      .connections(2)
      .map((connection) => new RedisClickDedupe(connection.ioConnection))
    const evening = new Date('2027-01-15T20:00:00Z')
    const nextMorning = new Date('2027-01-16T07:00:00Z')
    assert.isTrue(await a.firstClick('token-a', '203.0.113.5', 'Firefox', evening))
    assert.isFalse(await b.firstClick('token-a', '203.0.113.5', 'Firefox', evening))
    assert.isTrue(await b.firstClick('token-a', '198.51.100.7', 'Firefox', evening))
    assert.isTrue(await b.firstClick('token-b', '203.0.113.5', 'Firefox', evening))
    assert.isTrue(await a.firstClick('token-a', '203.0.113.5', 'Firefox', nextMorning))
    // Neither the IP nor the user agent is in any key.
    const keys = await redis.connection().ioConnection.keys(`${redis.prefix}*`)
    assert.isAbove(keys.length, 0)
    for (const key of keys) assert.notMatch(key, /203\.0\.113\.5|Firefox/)
  })

  test('a clear in one process empties the cache of every other', async ({ assert }) => {
    const [one, two] = redis.connections(2)
    const first = new DirectoryCache(60_000)
    const second = new DirectoryCache(60_000)
    shareCacheClears(first, one)
    shareCacheClears(second, two)
    await new Promise((resolve) => setTimeout(resolve, 200)) // both subscriptions are up

    let loads = 0
    const load = async () => ++loads
    assert.equal(await first.remember('topic:1', load), 1)
    assert.equal(await first.remember('topic:1', load), 1)

    second.clear()
    const deadline = Date.now() + 2_000
    let value = 1
    while (value === 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      value = await first.remember('topic:1', load)
    }
    assert.equal(value, 2)
  })
})
