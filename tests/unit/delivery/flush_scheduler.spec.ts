import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { DatabaseCounterStore, type CounterRow } from '#services/delivery/counter_store'
import { startCounterFlush } from '#services/delivery/flush_scheduler'

const READER = {
  method: 'GET',
  headers: {
    'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  },
}
const ad = [{ bookingId: 77, vendorId: null, topicId: 1, paid: true }]

async function stored() {
  const [row] = await db
    .from('placement_counts')
    .where('booking_id', 77)
    .sum('impressions as total')
  return Number(row.total ?? 0)
}

/** What is stored once it reaches `expected`, or after 3 s of waiting for it. */
async function storedOnceAt(expected: number) {
  const deadline = Date.now() + 3_000
  let value = await stored()
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    value = await stored()
  }
  return value
}

/** A real database store whose writes fail while `down` is set. */
class UnreliableStore extends DatabaseCounterStore {
  down = false
  async add(rows: CounterRow[]) {
    if (this.down) throw new Error('database unavailable')
    return super.add(rows)
  }
}

test.group('Delivery / flushing on a timer', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('writes on its own every interval, and what is left when stopped', async ({ assert }) => {
    const counter = new ImpressionCounter()
    const stop = startCounterFlush(counter, 20)
    try {
      for (let i = 0; i < 5; i++) counter.record(ad, READER)
      assert.equal(await storedOnceAt(5), 5)
      assert.isFalse(counter.hasUnflushed)
    } finally {
      counter.record(ad, READER)
      await stop()
    }
    assert.equal(await stored(), 6)
  })

  test('keeps counting through a database outage and writes everything after it', async ({
    assert,
  }) => {
    const store = new UnreliableStore()
    const counter = new ImpressionCounter(store)
    const stop = startCounterFlush(counter, 20)
    try {
      store.down = true
      for (let i = 0; i < 7; i++) counter.record(ad, READER)
      await new Promise((resolve) => setTimeout(resolve, 100))
      assert.equal(await stored(), 0)
      assert.equal(counter.unflushed().impressions, 7)
      store.down = false
      assert.equal(await storedOnceAt(7), 7)
    } finally {
      await stop()
    }
  })
})
