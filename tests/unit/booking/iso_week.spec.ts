import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  addWeeks,
  germanWeekLabel,
  isWeek,
  parseWeek,
  weekEnd,
  weekOf,
  weekRange,
  weeksBetween,
  weekStart,
} from '#services/booking/iso_week'

test.group('ISO weeks', () => {
  test('2026 has a week 53, 2027 does not', ({ assert }) => {
    assert.isTrue(isWeek('2026-W53'))
    assert.isFalse(isWeek('2027-W53'))
    assert.isFalse(isWeek('2027-W00'))
    assert.isFalse(isWeek('2027-2'))
    assert.isFalse(isWeek('2027-W2'))
  })

  test('weeks run Monday to Sunday across the year end', ({ assert }) => {
    assert.equal(weekStart('2026-W53').toISODate(), '2026-12-28')
    assert.equal(weekEnd('2026-W53').toISODate(), '2027-01-03')
    assert.equal(weekStart('2027-W01').toISODate(), '2027-01-04')
    assert.equal(weekStart('2026-W01').toISODate(), '2025-12-29')
  })

  test('adding weeks crosses W53 into the next year', ({ assert }) => {
    assert.equal(addWeeks('2026-W52', 1), '2026-W53')
    assert.equal(addWeeks('2026-W52', 2), '2027-W01')
    assert.equal(addWeeks('2027-W01', -1), '2026-W53')
    assert.deepEqual(weekRange('2026-W52', 3), ['2026-W52', '2026-W53', '2027-W01'])
    assert.equal(weeksBetween('2026-W52', '2027-W02'), 3)
  })

  test('the week of a moment is taken in Berlin time', ({ assert }) => {
    // Sunday 23:30 UTC is already Monday in Berlin.
    const sundayNightUtc = DateTime.fromISO('2027-01-03T23:30:00Z')
    assert.equal(weekOf(sundayNightUtc), '2027-W01')
    assert.equal(weekOf(DateTime.fromISO('2027-01-03T22:30:00Z')), '2026-W53')
    assert.equal(weekOf(DateTime.fromISO('2026-12-31T12:00:00Z')), '2026-W53')
  })

  test('German text writes "KW 2/2027"', ({ assert }) => {
    assert.equal(germanWeekLabel('2027-W02'), 'KW 2/2027')
    assert.equal(parseWeek('2027-W02')!.zoneName, 'Europe/Berlin')
  })
})
