import { rm } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import Database from 'better-sqlite3'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { SqliteThreadCounterStore } from '#services/delivery/sqlite_counter_writer'
import { run } from '#tests/helpers/separate_server'

const READER = {
  method: 'GET',
  headers: {
    'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  },
}
const NOON = new Date('2026-06-10T10:00:00Z')

/**
 * The web server's counter writer on SQLite: a thread with its own
 * connection to a migrated file of this test's own (whatever database the
 * suite runs on), read back through a third connection.
 */
test.group('Counting / the SQLite writer thread', (group) => {
  const file = app.makePath(`tmp/counter-writer-${process.pid}.sqlite3`)
  let reader: Database.Database

  group.setup(async () => {
    await removeFiles(file)
    const env = { ...process.env, DB_CONNECTION: 'sqlite', SQLITE_FILE: file, LOG_LEVEL: 'silent' }
    await run(['ace.js', 'migration:fresh', '--force'], env)
    reader = new Database(file, { readonly: true })
    return async () => {
      reader.close()
      await removeFiles(file)
    }
  })

  function storedFor(vendorId: number) {
    return reader
      .prepare(
        'select raw_impressions, impressions, clicks from placement_counts where vendor_id = ?'
      )
      .all(vendorId)
  }

  test('each flush is added to what is stored, by its thread', async ({ assert }) => {
    const counter = new ImpressionCounter(new SqliteThreadCounterStore(file, 5000), () => NOON)
    const shown = [
      { bookingId: null, vendorId: 501, topicId: 3, paid: false },
      { bookingId: null, vendorId: 502, topicId: 3, paid: false },
    ]
    try {
      counter.record(shown, READER)
      counter.record(shown, { ...READER, method: 'HEAD' })
      await counter.flush()
      assert.deepEqual(storedFor(501), [{ raw_impressions: 2, impressions: 1, clicks: 0 }])

      counter.record(shown, READER)
      counter.recordClick('box', { bookingId: null, vendorId: 502, topicId: 3 })
      await counter.flush()
      assert.deepEqual(storedFor(501), [{ raw_impressions: 3, impressions: 2, clicks: 0 }])
      assert.deepEqual(storedFor(502), [{ raw_impressions: 3, impressions: 2, clicks: 1 }])
      assert.isFalse(counter.hasUnflushed)
    } finally {
      await counter.close()
    }
  })

  test('the thread stores each key as counted: Berlin day and hour, booking, paid', async ({
    assert,
  }) => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Berlin: the day and hour change.
    let now = new Date('2026-12-31T22:30:00Z')
    const counter = new ImpressionCounter(new SqliteThreadCounterStore(file, 5000), () => now)
    const shown = [
      { bookingId: 611, vendorId: 601, topicId: 4, paid: true },
      { bookingId: null, vendorId: 602, topicId: 4, paid: false },
    ]
    try {
      counter.record(shown, READER)
      now = new Date('2026-12-31T23:30:00Z')
      counter.record(shown, READER)
      await counter.flush()
      const stored = reader
        .prepare(
          `select day, hour, booking_id, vendor_id, topic_id, paid, raw_impressions
           from placement_counts where topic_id = 4 order by day, vendor_id`
        )
        .all()
      assert.deepEqual(stored, [
        {
          day: '2026-12-31',
          hour: 23,
          booking_id: 611,
          vendor_id: 601,
          topic_id: 4,
          paid: 1,
          raw_impressions: 1,
        },
        {
          day: '2026-12-31',
          hour: 23,
          booking_id: 0,
          vendor_id: 602,
          topic_id: 4,
          paid: 0,
          raw_impressions: 1,
        },
        {
          day: '2027-01-01',
          hour: 0,
          booking_id: 611,
          vendor_id: 601,
          topic_id: 4,
          paid: 1,
          raw_impressions: 1,
        },
        {
          day: '2027-01-01',
          hour: 0,
          booking_id: 0,
          vendor_id: 602,
          topic_id: 4,
          paid: 0,
          raw_impressions: 1,
        },
      ])
    } finally {
      await counter.close()
    }
  })

  test('a write the database refuses keeps its counts for the next flush', async ({ assert }) => {
    // A short wait for the lock: another connection holds it through the first flush.
    const counter = new ImpressionCounter(new SqliteThreadCounterStore(file, 50), () => NOON)
    const blocker = new Database(file)
    try {
      counter.record([{ bookingId: null, vendorId: 503, topicId: 3, paid: false }], READER)
      blocker.exec('BEGIN IMMEDIATE')
      await assert.rejects(() => counter.flush(), /database is locked/)
      assert.deepEqual(storedFor(503), [])
      assert.equal(counter.unflushed().impressions, 1)

      blocker.exec('ROLLBACK')
      await counter.flush()
      assert.deepEqual(storedFor(503), [{ raw_impressions: 1, impressions: 1, clicks: 0 }])
    } finally {
      blocker.close()
      await counter.close()
    }
  })

  test('a thread that cannot start fails its write, and the next write starts a new one', async ({
    assert,
  }) => {
    const missing = app.makePath(`tmp/counter-writer-missing-${process.pid}.sqlite3`)
    const store = new SqliteThreadCounterStore(missing, 50)
    const row = {
      day: '2026-06-10',
      hour: 12,
      booking_id: 0,
      vendor_id: 504,
      topic_id: 3,
      paid: false,
      raw_impressions: 1,
      impressions: 1,
      clicks: 0,
      website_clicks: 0,
      profile_views: 0,
    }
    try {
      await assert.rejects(() => store.add([row]), /unable to open database file|exited/)
    } finally {
      await store.close()
    }

    const working = new SqliteThreadCounterStore(file, 5000)
    try {
      await working.add([row])
      await working.close()
      // Closed, it starts a thread again for the next write.
      await working.add([row])
      assert.deepEqual(storedFor(504), [{ raw_impressions: 2, impressions: 2, clicks: 0 }])
    } finally {
      await working.close()
    }
  })
})

async function removeFiles(file: string) {
  for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true })
}
