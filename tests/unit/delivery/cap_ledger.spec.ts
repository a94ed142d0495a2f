import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { BookingFactory } from '#database/factories/booking_factory'
import { CapLedger } from '#services/delivery/cap_ledger'

/** Counts the UPDATE statements sent while `work` runs. */
async function updatesDuring(work: () => Promise<void>) {
  const client = db.manager.get(db.primaryConnectionName)!.connection!.client!
  let updates = 0
  const listener = (query: { sql: string }) => {
    if (/^update/i.test(query.sql)) updates++
  }
  client.on('query', listener)
  try {
    await work()
  } finally {
    client.off('query', listener)
  }
  return updates
}

test.group('Delivery / impression caps across processes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('three processes together never deliver beyond the cap', async ({ assert }) => {
    const booking = await BookingFactory.apply('approved').create()
    // Three processes, each with its own ledger, sharing the database.
    const processes = [new CapLedger(), new CapLedger(), new CapLedger()]
    const cap = 1_000
    const served = [0, 0, 0]
    const updates = await updatesDuring(async () => {
      await Promise.all(
        Array.from({ length: 1_500 }, async (_, i) => {
          await new Promise((resolve) => setImmediate(resolve))
          if (await processes[i % 3].take(booking.id, cap)) served[i % 3]++
        })
      )
    })
    const total = served[0] + served[1] + served[2]
    const held = processes.reduce((sum, ledger) => sum + ledger.held(booking.id), 0)
    assert.isAtMost(total, cap)
    // What was not served is still held by a process, not lost.
    assert.equal(total + held, cap)
    // Leases, not one write a view: only the last few views cost a write each.
    assert.isBelow(updates, 150)
    const row = await db.from('booking_deliveries').where('booking_id', booking.id).first()
    assert.equal(Number(row.reserved), cap)

    // Held views go back when the processes stop; whoever serves next gets them, and no more.
    for (const ledger of processes) await ledger.release()
    const next = new CapLedger()
    let rest = 0
    while (await next.take(booking.id, cap)) rest++
    assert.equal(total + rest, cap)
  })

  test('starts from the impressions already stored, and a raised cap frees more', async ({
    assert,
  }) => {
    const booking = await BookingFactory.apply('approved').create()
    await db.table('placement_counts').insert({
      day: '2027-01-15',
      hour: 9,
      booking_id: booking.id,
      vendor_id: 0,
      topic_id: 1,
      paid: true,
      raw_impressions: 40,
      impressions: 38,
      clicks: 0,
      website_clicks: 0,
      profile_views: 0,
    })
    const ledger = new CapLedger()
    let served = 0
    for (let i = 0; i < 10; i++) if (await ledger.take(booking.id, 40)) served++
    assert.equal(served, 2)
    for (let i = 0; i < 10; i++) if (await ledger.take(booking.id, 45)) served++
    assert.equal(served, 7)
  })

  test('what a process holds goes back on release', async ({ assert }) => {
    const booking = await BookingFactory.apply('approved').create()
    const first = new CapLedger()
    assert.isTrue(await first.take(booking.id, 800))
    // The first lease is an eighth of the budget: 99 views still held.
    assert.equal(first.held(booking.id), 99)
    await first.release()
    assert.equal(first.held(booking.id), 0)

    const second = new CapLedger()
    let served = 0
    while (await second.take(booking.id, 800)) served++
    assert.equal(served, 799)
  })
})
