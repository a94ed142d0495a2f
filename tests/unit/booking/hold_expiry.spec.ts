import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import BookingsExpire from '../../../commands/bookings_expire.js'
import Booking from '#models/booking'
import HoldExpiringNotification from '#mails/hold_expiring_notification'
import { BookingFactory, bookWeeks } from '#database/factories/booking_factory'
import { SlotFactory } from '#database/factories/slot_factory'
import { TopicFactory } from '#database/factories/topic_factory'
import { weekUse } from '#services/booking/capacity'
import { addWeeks, weekOf } from '#services/booking/iso_week'
import HoldExpiry from '#services/booking/hold_expiry'
import { createUser } from '#tests/helpers/users'

/**
 * The moment the request was made (9:00 in Berlin); every check below is
 * hours after it. Lucid stores times in the process's zone, as the app's
 * own DateTime.now() is.
 */
const T0 = DateTime.fromISO('2027-01-04T08:00:00Z').toLocal()
const at = (hours: number) => T0.plus({ hours })

async function heldRequest(holdHours = 72) {
  const topic = await TopicFactory.merge({ name: 'Social Media', slug: 'social-media' }).create()
  const slot = await SlotFactory.merge({ topicId: topic.id, capacity: 1 }).create()
  const advertiser = await createUser({ name: 'Anna Anzeige', email: 'anna@example.test' })
  const booking = await BookingFactory.merge({
    slotId: slot.id,
    userId: advertiser.id,
    holdExpiresAt: at(holdHours),
  }).create()
  const week = addWeeks(weekOf(T0), 2)
  await bookWeeks(booking, [week])
  return { slot, booking, week }
}

test.group('Hold expiry (bookings:expire)', (group) => {
  group.setup(() => ace.ui.switchMode('raw'))
  group.teardown(() => ace.ui.switchMode('normal'))
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('a lapsed hold becomes expired and frees its share; a live one stays', async ({
    assert,
  }) => {
    const { slot, booking, week } = await heldRequest(72)
    const live = await BookingFactory.merge({ slotId: slot.id, holdExpiresAt: at(200) }).create()
    const approved = await BookingFactory.merge({ slotId: slot.id }).apply('approved').create()
    const expiry = new HoldExpiry()

    const before = await expiry.expire(at(71))
    assert.equal(before, 0)
    await booking.refresh()
    assert.equal(booking.status, 'requested')
    const held = await weekUse([slot.id], [week], db.connection(), at(71))
    assert.deepEqual(held.get(slot.id)?.get(week), { booked: 0, held: 1 })

    const result = await expiry.expire(at(72))
    assert.equal(result, 1)
    await booking.refresh()
    assert.equal(booking.status, 'expired')
    await live.refresh()
    assert.equal(live.status, 'requested')
    await approved.refresh()
    assert.equal(approved.status, 'approved')
    const freed = await weekUse([slot.id], [week], db.connection(), at(72))
    assert.isUndefined(freed.get(slot.id)?.get(week))

    // A second run finds nothing more to do.
    assert.equal(await expiry.expire(at(73)), 0)
  })

  test('editors are mailed once, 24 hours before, in their language; members and disabled editors are not', async ({
    assert,
  }) => {
    const { mails } = mail.fake()
    const german = await createUser({ role: 'editor', email: 'redaktion@example.test' })
    const english = await createUser({ role: 'admin', email: 'admin@example.test', locale: 'en' })
    await createUser({ role: 'editor', email: 'gesperrt@example.test', disabled: true })
    await createUser({ email: 'mitglied@example.test' })
    const { booking, week } = await heldRequest(72)
    const expiry = new HoldExpiry()

    const early = await expiry.run(at(47))
    assert.deepEqual(early, { expired: 0, warned: [], mailed: 0 })
    mails.assertNoneSent()

    const due = await expiry.run(at(48))
    assert.deepEqual(due, { expired: 0, warned: [booking.id], mailed: 2 })
    await booking.refresh()
    assert.equal(booking.holdWarnedAt!.toMillis(), at(48).startOf('second').toMillis())
    mails.assertSentCount(HoldExpiringNotification, 2)

    const sent = mails.sent() as HoldExpiringNotification[]
    const toGerman = sent.find((m) => m.editor.id === german.id)!
    await toGerman.message.computeContents()
    toGerman.message.assertSubject('Eine Buchungsanfrage läuft innerhalb von 24 Stunden ab')
    toGerman.message.assertTextIncludes(
      `Buchung ${booking.id}: Social Media, Seitenleiste (Anzeige), Wochen ${week}, von Anna Anzeige <anna@example.test>; läuft ab am 07.01.2027, 09:00`
    )
    toGerman.message.assertHtmlIncludes('Zur Prüfliste')
    const toEnglish = sent.find((m) => m.editor.id === english.id)!
    await toEnglish.message.computeContents()
    toEnglish.message.assertTo('admin@example.test')
    toEnglish.message.assertSubject('A booking request lapses within 24 hours')
    toEnglish.message.assertTextIncludes(`Booking ${booking.id}: Social Media, Sidebar (ad)`)

    // Later runs do not repeat the warning; the lapse itself is then expired.
    assert.deepEqual(await expiry.run(at(60)), { expired: 0, warned: [], mailed: 0 })
    assert.deepEqual(await expiry.run(at(72)), { expired: 1, warned: [], mailed: 0 })
    mails.assertSentCount(HoldExpiringNotification, 2)
  })

  test('holds shorter than 24 hours are announced at once, in one mail; decided bookings never', async ({
    assert,
  }) => {
    const { mails } = mail.fake()
    await createUser({ role: 'editor' })
    const { booking, slot } = await heldRequest(5)
    await BookingFactory.merge({ slotId: slot.id, holdExpiresAt: at(3) })
      .apply('rejected')
      .create()

    const other = await BookingFactory.merge({ slotId: slot.id, holdExpiresAt: at(20) }).create()

    const result = await new HoldExpiry().run(at(0))
    assert.deepEqual(result.warned, [booking.id, other.id])
    mails.assertSentCount(HoldExpiringNotification, 1)
    const [sent] = mails.sent() as HoldExpiringNotification[]
    assert.deepEqual(
      sent.holds.map((hold) => hold.id),
      [booking.id, other.id]
    )
    await sent.message.computeContents()
    sent.message.assertSubject('2 Buchungsanfragen laufen innerhalb von 24 Stunden ab')
  })

  test('the ace command expires what has lapsed by now', async ({ assert }) => {
    const slot = await SlotFactory.create()
    const lapsed = await BookingFactory.merge({ slotId: slot.id }).apply('expired').create()
    const live = await BookingFactory.merge({ slotId: slot.id }).create()

    const command = await ace.create(BookingsExpire, [])
    await command.exec()
    command.assertSucceeded()

    await lapsed.refresh()
    await live.refresh()
    assert.equal(lapsed.status, 'expired')
    assert.equal(live.status, 'requested')
    command.assertLog(
      '[ blue(info) ] 1 request(s) expired; 0 hold(s) about to lapse announced to 0 editor(s)'
    )
  })
})

test.group('Hold expiry / stored status', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('only requests are expired, never approved, rejected or cancelled bookings', async ({
    assert,
  }) => {
    const slot = await SlotFactory.create()
    const past = DateTime.now().minus({ hours: 1 })
    for (const state of ['approved', 'rejected', 'cancelled'] as const) {
      await BookingFactory.merge({ slotId: slot.id, holdExpiresAt: past }).apply(state).create()
    }
    assert.equal(await new HoldExpiry().expire(DateTime.now()), 0)
    const statuses = await Booking.query().where('slot_id', slot.id).orderBy('id')
    assert.deepEqual(
      statuses.map((booking) => booking.status),
      ['approved', 'rejected', 'cancelled']
    )
  })
})
