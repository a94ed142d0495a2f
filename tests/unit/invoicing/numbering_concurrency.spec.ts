import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Invoice from '#models/invoice'
import { BOOKING_ZONE } from '#services/booking/iso_week'
import { InvoiceService } from '#services/invoicing/invoice_service'
import { approvedBooking } from '#tests/helpers/invoices'

const APPROVALS = 12

/**
 * Real transactions, committed, in parallel: no global test transaction
 * here, so the rows are removed again afterwards. On PostgreSQL they run
 * on separate connections and meet at the counter row's lock; on SQLite
 * they queue for the one connection.
 */
test.group('Invoice numbers under concurrent approvals', (group) => {
  const created: Awaited<ReturnType<typeof approvedBooking>>[] = []
  const year = DateTime.now().setZone(BOOKING_ZONE).year
  // The factories make more rows than they return (a booking's default slot,
  // topic and user): everything above the ids that existed before is removed.
  const TABLES = [
    'invoices',
    'booking_weeks',
    'bookings',
    'slots',
    'billing_details',
    'topics',
    'users',
  ]
  const before = new Map<string, number>()

  group.setup(async () => {
    for (const table of TABLES) {
      const row = await db.from(table).max('id as id').first()
      before.set(table, Number(row?.id ?? 0))
    }
    await db.from('invoice_counters').where('year', year).delete()
  })

  group.teardown(async () => {
    for (const table of TABLES) {
      await db.from(table).where('id', '>', before.get(table)!).delete()
    }
    await db.from('invoice_counters').where('year', year).delete()
  })

  test(`${APPROVALS} parallel approvals get exactly the numbers 1 to ${APPROVALS}`, async ({
    assert,
  }) => {
    for (let index = 0; index < APPROVALS; index++) created.push(await approvedBooking())

    const service = new InvoiceService()
    // allSettled: every transaction has ended before the checks (and the clean-up) run.
    const outcomes = await Promise.allSettled(
      created.map(({ booking }) => db.transaction((trx) => service.issueInvoice(booking, trx)))
    )
    const failures = outcomes.filter((outcome) => outcome.status === 'rejected')
    assert.deepEqual(failures, [])
    const invoices = outcomes.map((outcome) => (outcome as PromiseFulfilledResult<Invoice>).value)

    const expected = Array.from(
      { length: APPROVALS },
      (_, index) => `${year}-${String(index + 1).padStart(5, '0')}`
    )
    assert.deepEqual(invoices.map((invoice) => invoice.number).sort(), expected)
    const stored = await Invoice.query()
      .whereIn(
        'booking_id',
        created.map(({ booking }) => booking.id)
      )
      .orderBy('number')
    assert.deepEqual(
      stored.map((invoice) => invoice.number),
      expected
    )
    const counter = await db.from('invoice_counters').where('year', year).firstOrFail()
    assert.equal(Number(counter.last_number), APPROVALS)
  }).timeout(60_000)
})
