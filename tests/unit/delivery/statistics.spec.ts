import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import { barChart, niceCeiling } from '#services/charts/bar_chart'
import { bookingDays, ctrOf, daysBetween } from '#queries/delivery_stats'

test.group('Statistics / days and rates', () => {
  test('days run across the change to summer time, one per calendar day', ({ assert }) => {
    assert.deepEqual(daysBetween('2027-03-27', '2027-03-29'), [
      '2027-03-27',
      '2027-03-28',
      '2027-03-29',
    ])
    assert.deepEqual(daysBetween('2027-03-29', '2027-03-28'), [])
  })

  test("a booking's days: first Monday to today, or to its last Sunday once it ended", ({
    assert,
  }) => {
    const during = DateTime.fromISO('2027-01-13T23:30:00Z') // Thursday 00:30 in Berlin
    assert.deepEqual(bookingDays(['2027-W03', '2027-W02'], during), {
      from: '2027-01-11',
      to: '2027-01-14',
    })
    const after = DateTime.fromISO('2027-03-01T12:00:00Z')
    assert.deepEqual(bookingDays(['2027-W02', '2027-W03'], after), {
      from: '2027-01-11',
      to: '2027-01-24',
    })
    assert.isNull(bookingDays(['2027-W02'], DateTime.fromISO('2027-01-10T12:00:00Z')))
    assert.isNull(bookingDays([], after))
  })

  test('CTR is clicks per filtered impression, 4 places, 0 without impressions', ({ assert }) => {
    assert.equal(ctrOf(1, 3), 0.3333)
    assert.equal(ctrOf(2, 3), 0.6667)
    assert.equal(ctrOf(5, 0), 0)
  })
})

test.group('Statistics / the SVG bar chart', () => {
  test('the scale ends at a round number above the highest value', ({ assert }) => {
    assert.equal(niceCeiling(0), 1)
    assert.equal(niceCeiling(7), 10)
    assert.equal(niceCeiling(42), 50)
    assert.equal(niceCeiling(150), 200)
    assert.equal(niceCeiling(1000), 1000)
  })

  test('bars stand on the axis, the highest as tall as its share of the scale', ({ assert }) => {
    const chart = barChart(
      ['01.03.', '02.03.'],
      [
        { key: 'impressions', label: 'Impressionen', values: [40, 0] },
        { key: 'raw', label: 'Ungefiltert', values: [50, 10] },
      ]
    )
    assert.equal(chart.max, 50)
    assert.lengthOf(chart.bars, 4)
    for (const bar of chart.bars) {
      assert.closeTo(bar.y + bar.height, chart.plot.bottom, 0.11)
    }
    const [first, second] = chart.bars
    assert.equal(second.height, chart.plot.bottom - chart.plot.top)
    assert.closeTo(first.height, (chart.plot.bottom - chart.plot.top) * 0.8, 0.11)
    assert.isBelow(first.x, second.x)
    assert.equal(first.title, '01.03.: Impressionen 40')
    assert.deepEqual(
      chart.ticks.map((tick) => tick.label),
      ['0', '25', '50']
    )
    assert.deepEqual(
      chart.labels.map((label) => label.label),
      ['01.03.', '02.03.']
    )
  })

  test('at most ten day labels on a long range', ({ assert }) => {
    const days = Array.from({ length: 30 }, (_, index) => `d${index}`)
    const chart = barChart(days, [{ key: 'paid', label: 'Bezahlt', values: days.map(() => 0) }])
    assert.isAtMost(chart.labels.length, 10)
    assert.equal(chart.max, 1)
    assert.isTrue(chart.bars.every((bar) => bar.height === 0))
  })
})
