import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import DemoSeed from '../../../commands/demo_seed.js'
import BillingDetail from '#models/billing_detail'
import Booking from '#models/booking'
import Invoice from '#models/invoice'
import Slot from '#models/slot'
import Topic from '#models/topic'
import User from '#models/user'
import { demoTopics } from '#database/data/demo_catalog'
import { addWeeks, weekOf } from '#services/booking/iso_week'

async function runSeed() {
  const command = await ace.create(DemoSeed, [])
  await command.exec()
  command.assertSucceeded()
}

async function snapshot() {
  const [slots, bookings, invoices, billing] = await Promise.all([
    Slot.query().count('* as n'),
    Booking.query().count('* as n'),
    Invoice.query().count('* as n'),
    BillingDetail.query().count('* as n'),
  ])
  return [slots, bookings, invoices, billing].map((rows) => Number(rows[0].$extras.n))
}

test.group('demo:seed / bookings', (group) => {
  group.setup(() => ace.ui.switchMode('raw'))
  group.teardown(() => ace.ui.switchMode('normal'))
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('slots per demo topic, billing details and the demo bookings with their invoices, once', async ({
    assert,
  }) => {
    await runSeed()
    const current = weekOf(DateTime.now())

    const social = await Topic.findByOrFail('slug', 'social-media')
    const slots = await Slot.query().where('topic_id', social.id).orderBy('position')
    assert.deepEqual(
      slots.map((slot) => [slot.position, slot.capacity]),
      [
        ['sidebar', 3],
        ['vendor_box', 2],
      ]
    )
    const allSlots = await Slot.query().whereNotNull('topic_id')
    assert.lengthOf(allSlots, demoTopics.length * 2)

    const advertiser = await User.findByOrFail('email', 'advertiser@example.com')
    const owner = await User.findByOrFail('email', 'vendor@example.com')
    for (const user of [advertiser, owner]) {
      assert.exists(await BillingDetail.findBy('user_id', user.id))
    }

    const textAd = await Booking.query()
      .where('user_id', advertiser.id)
      .where('status', 'approved')
      .preload('bookingWeeks')
      .firstOrFail()
    assert.equal(textAd.slotId, slots[0].id)
    assert.deepEqual(
      textAd.weeks,
      [0, 1, 2, 3].map((offset) => addWeeks(current, offset))
    )
    assert.match(textAd.targetUrl!, /^https:\/\//)
    assert.equal(textAd.statusAt(), 'live')

    const box = await Booking.query()
      .where('user_id', owner.id)
      .preload('bookingWeeks')
      .preload('vendor')
      .firstOrFail()
    assert.equal(box.slotId, slots[1].id)
    assert.equal(box.vendor.slug, 'seitenbau-gmbh')
    assert.deepEqual(box.weeks, [current])
    assert.equal(box.status, 'approved')

    const invoices = await Invoice.query().orderBy('id')
    assert.deepEqual(
      invoices.map((invoice) => [invoice.bookingId, invoice.kind, invoice.grossCents]),
      [
        [textAd.id, 'invoice', textAd.grossCents],
        [box.id, 'invoice', box.grossCents],
      ]
    )

    const requested = await Booking.query().where('status', 'requested').preload('bookingWeeks')
    assert.isAtLeast(requested.length, 1)
    for (const booking of requested) {
      assert.isTrue(booking.weeks.every((week) => week > current))
      assert.equal(booking.statusAt(), 'requested')
    }

    const before = await snapshot()
    await runSeed()
    assert.deepEqual(await snapshot(), before)
  })
})
