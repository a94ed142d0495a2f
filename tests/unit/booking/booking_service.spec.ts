import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import mail from '@adonisjs/mail/services/main'
import Booking from '#models/booking'
import { SlotFactory } from '#database/factories/slot_factory'
import { BillingDetailFactory } from '#database/factories/billing_detail_factory'
import { UserFactory } from '#database/factories/user_factory'
import BookingService, { mayAdvertiserCancel } from '#services/booking/booking_service'
import { addWeeks, weekOf, weekStart } from '#services/booking/iso_week'
import DomainError from '#exceptions/domain_error'

const creative = {
  kind: 'text' as const,
  headline: 'Digitale Verwaltung',
  body: 'Beratung für Kommunen.',
  url: 'https://example.com/',
}

async function advertiser() {
  const user = await UserFactory.create()
  await BillingDetailFactory.merge({ userId: user.id }).create()
  return user
}

test.group('BookingService / holds and the clock', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('a hold keeps its share for 72 hours; once it lapses the share is free again', async ({
    assert,
  }) => {
    const service = await app.container.make(BookingService)
    const slot = await SlotFactory.merge({ capacity: 1 }).create()
    const [alice, bob] = [await advertiser(), await advertiser()]
    const start = DateTime.now().startOf('second')
    const week = addWeeks(weekOf(start), 4)
    const request = { slotId: slot.id, weeks: [week], creative }

    const held = await service.request(alice, request, start)
    assert.equal(held.holdExpiresAt!.toMillis(), start.plus({ hours: 72 }).toMillis())

    const refusal = await service
      .request(bob, request, start.plus({ hours: 71, minutes: 59 }))
      .catch((error) => error)
    assert.instanceOf(refusal, DomainError)
    assert.equal(refusal.key, 'bookings.errors.weeks_full')
    assert.equal(refusal.values.weeks, week)

    const later = start.plus({ hours: 72, seconds: 1 })
    const taken = await service.request(bob, request, later)
    assert.equal(taken.status, 'requested')
    await held.refresh()
    await held.load('bookingWeeks')
    assert.equal(held.statusAt(later), 'expired')
    assert.equal(held.statusAt(start.plus({ hours: 1 })), 'requested')

    // A lapsed hold cannot be approved any more; the live one can.
    const editor = await UserFactory.apply('editor').create()
    const lapsed = await service.approve(editor, held.id, {}, later).catch((error) => error)
    assert.equal(lapsed.key, 'bookings.errors.hold_lapsed')
    const approved = await service.approve(editor, taken.id, {}, later)
    assert.equal(approved.status, 'approved')
    const unchanged = await Booking.findOrFail(held.id)
    assert.equal(unchanged.status, 'requested')
  })

  test('an advertiser cancels an approved booking up to 7 days before its first week', async ({
    assert,
  }) => {
    const first = addWeeks(weekOf(DateTime.now()), 3)
    const booking = new Booking()
    booking.status = 'approved'
    booking.$setRelated('bookingWeeks', [{ week: first } as any])
    const deadline = weekStart(first).minus({ days: 7 })

    assert.isTrue(mayAdvertiserCancel(booking, deadline))
    assert.isFalse(mayAdvertiserCancel(booking, deadline.plus({ minutes: 1 })))
    booking.status = 'requested'
    assert.isTrue(mayAdvertiserCancel(booking, weekStart(first).plus({ days: 1 })))
  })
})
