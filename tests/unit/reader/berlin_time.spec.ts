import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { berlinTime, isoTime } from '#services/berlin_time'

test.group('berlinTime', () => {
  test('shows Berlin time with its zone in German and English, whatever the value type', ({
    assert,
  }) => {
    const winter = '2026-01-15T01:52:00Z'
    assert.equal(berlinTime(winter, 'de'), '15. Jan. 2026, 02:52 MEZ')
    assert.equal(berlinTime(new Date(winter), 'en'), '15 Jan 2026, 02:52 CET')
    const summer = DateTime.fromISO('2026-07-15T01:52:00Z', { zone: 'utc' })
    assert.equal(berlinTime(summer, 'de'), '15. Juli 2026, 03:52 MESZ')
    assert.equal(berlinTime(summer.toMillis(), 'en'), '15 Jul 2026, 03:52 CEST')
  })

  test('a day only, without the zone, and nothing for no value', ({ assert }) => {
    // 23:30 UTC on 31 December is already New Year in Berlin.
    assert.equal(berlinTime('2026-12-31T23:30:00Z', 'de', { style: 'date' }), '1. Jan. 2027')
    assert.equal(berlinTime('2026-12-31T23:30:00Z', 'de', { zone: false }), '1. Jan. 2027, 00:30')
    assert.equal(berlinTime(null, 'de'), '')
    assert.equal(berlinTime('not a date', 'en'), '')
  })

  test('the machine-readable value is UTC', ({ assert }) => {
    const local = DateTime.fromISO('2026-07-15T03:52:00', { zone: 'Europe/Berlin' })
    assert.equal(isoTime(local), '2026-07-15T01:52:00.000Z')
    assert.equal(isoTime(undefined), '')
  })
})
