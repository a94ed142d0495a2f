import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { BookingFactory, bookWeeks, upcomingWeeks } from '#database/factories/booking_factory'
import { SlotFactory } from '#database/factories/slot_factory'
import { availability, bookingWindow, fullWeeks, weekUse } from '#services/booking/capacity'

test.group('Capacity rule', () => {
  test('a week is full when approved and held shares reach the capacity', ({ assert }) => {
    const use = new Map([
      ['2027-W02', { booked: 2, held: 1 }],
      ['2027-W03', { booked: 1, held: 0 }],
    ] as const)
    assert.deepEqual(fullWeeks(3, new Map(use), ['2027-W02', '2027-W03', '2027-W04']), ['2027-W02'])
    assert.deepEqual(fullWeeks(3, new Map(use), ['2027-W03'], 2), [])
    assert.deepEqual(fullWeeks(3, new Map(use), ['2027-W03'], 3), ['2027-W03'])
    assert.deepEqual(availability(3, '2027-W02', { booked: 3, held: 1 }), {
      week: '2027-W02',
      capacity: 3,
      booked: 3,
      held: 1,
      free: 0,
    })
  })

  test('booking opens next week and reaches 52 weeks ahead', ({ assert }) => {
    const window = bookingWindow(DateTime.fromISO('2026-12-30T12:00:00Z'))
    assert.deepEqual(window, { first: '2027-W01', last: '2027-W52' })
  })
})

test.group('Capacity in the database', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('counts approved shares and live holds; lapsed, rejected and cancelled ones free their share', async ({
    assert,
  }) => {
    const slot = await SlotFactory.create()
    const [week, later] = upcomingWeeks(2)
    const book = async (state?: 'approved' | 'rejected' | 'cancelled' | 'expired') => {
      const factory = BookingFactory.merge({ slotId: slot.id })
      const booking = await (state ? factory.apply(state) : factory).create()
      return bookWeeks(booking, [week, later])
    }
    await book('approved')
    await book()
    await book('expired')
    await book('rejected')
    await book('cancelled')

    const bySlot = await weekUse([slot.id], [week, later], db.connection())
    const use = bySlot.get(slot.id)!
    assert.deepEqual(use.get(week), { booked: 1, held: 1 })
    assert.deepEqual(use.get(later), { booked: 1, held: 1 })
    assert.deepEqual(fullWeeks(slot.capacity, use, [week]), [])
    await book()
    const after = await weekUse([slot.id], [week], db.connection())
    const full = after.get(slot.id)!
    assert.deepEqual(fullWeeks(slot.capacity, full, [week, later]), [week])
  })
})
