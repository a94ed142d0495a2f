import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import HoldExpiry from '#services/booking/hold_expiry'
import { commitRoutes } from './_routes.js'

/**
 * Marks lapsed booking requests `expired` and tells the editors, once,
 * about holds that lapse within 24 hours. `npm start` runs the same every
 * few minutes in-process; a cron line can run it too (README).
 */
export default class BookingsExpire extends BaseCommand {
  static commandName = 'bookings:expire'
  static description =
    'Expire booking requests whose hold has lapsed, and mail editors 24 h before a hold lapses'
  static options: CommandOptions = { startApp: true }

  async run() {
    // The warning mail links to the editorial queue.
    await commitRoutes(this.app)
    const result = await new HoldExpiry().run()
    this.logger.info(
      `${result.expired} request(s) expired; ${result.warned.length} hold(s) about to lapse announced to ${result.mailed} editor(s)`
    )
  }
}
