import { DateTime } from 'luxon'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { DISPLAY_ZONE } from '#services/berlin_time'
import { dailyTotals } from '#services/delivery/counter_totals'

/**
 * The placement counters per day, as stored. Unflushed counts live in the
 * web server's memory and reach the database within a second (and on
 * shutdown), so a separate command cannot flush them: it reports what the
 * database holds.
 */
export default class CountersReport extends BaseCommand {
  static commandName = 'counters:report'
  static description = 'Show the stored placement counters per day (impressions, clicks, views)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'How many Europe/Berlin days back, today included', default: 7 })
  declare days: number

  async run() {
    const from = DateTime.now()
      .setZone(DISPLAY_ZONE)
      .minus({ days: Math.max(1, this.days) - 1 })
      .toISODate()!
    const totals = await dailyTotals(from)
    const table = this.ui
      .table()
      .head(['Day', 'Raw impressions', 'Impressions', 'Clicks', 'Website clicks', 'Profile views'])
    for (const day of totals) {
      table.row([
        day.day,
        String(day.raw_impressions),
        String(day.impressions),
        String(day.clicks),
        String(day.website_clicks),
        String(day.profile_views),
      ])
    }
    if (totals.length === 0) this.logger.info(`No counts stored since ${from}.`)
    else table.render()
  }
}
