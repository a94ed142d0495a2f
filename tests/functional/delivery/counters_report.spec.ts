import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import CountersReport from '../../../commands/counters_report.js'

const today = DateTime.now().setZone('Europe/Berlin')

function row(day: DateTime, hour: number, counts: Record<string, number>) {
  const zero = {
    raw_impressions: 0,
    impressions: 0,
    clicks: 0,
    website_clicks: 0,
    profile_views: 0,
  }
  return {
    day: day.toISODate(),
    hour,
    booking_id: 1,
    vendor_id: 0,
    topic_id: 1,
    paid: true,
    ...zero,
    ...counts,
  }
}

test.group('Commands / counters:report', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('prints the stored totals per day, for the days asked', async ({ assert }) => {
    await db
      .table('placement_counts')
      .insert([
        row(today, 9, { raw_impressions: 12, impressions: 10, clicks: 2 }),
        row(today, 10, { raw_impressions: 3, impressions: 3, website_clicks: 1 }),
        row(today.minus({ days: 1 }), 9, { raw_impressions: 7, impressions: 5, profile_views: 4 }),
        row(today.minus({ days: 30 }), 9, { raw_impressions: 99, impressions: 99 }),
      ])
    ace.ui.switchMode('raw')
    try {
      const command = await ace.create(CountersReport, ['--days=2'])
      await command.exec()
      command.assertSucceeded()
      const lines = command.ui.logger.getLogs().map((log) => log.message)
      const output = lines.join('\n')
      assert.include(output, `${today.toISODate()}|15|13|2|1|0`)
      assert.include(output, `${today.minus({ days: 1 }).toISODate()}|7|5|0|0|4`)
      assert.notInclude(output, today.minus({ days: 30 }).toISODate()!)
    } finally {
      ace.ui.switchMode('normal')
    }
  })
})
