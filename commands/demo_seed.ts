import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import db from '@adonisjs/lucid/services/db'
import DemoSeeder from '#database/seeders/demo_seeder'
import { announceDirectoryChange } from './_directory_changed.js'

export default class DemoSeed extends BaseCommand {
  static commandName = 'demo:seed'
  static description =
    'Seed the demo topics, vendors and accounts (idempotent: creates what is missing, never overwrites)'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Seed even when NODE_ENV=production' })
  declare force: boolean

  async run() {
    if (this.app.inProduction && !this.force) {
      this.logger.error('Refusing to seed demo data in production. Pass --force to do it anyway.')
      this.exitCode = 1
      return
    }

    const summary = await new DemoSeeder(db.connection()).seed()
    if (summary.usersCreated === null) {
      this.logger.warning('Demo accounts are never seeded in production; skipped them')
    }

    if (
      summary.topicsCreated === 0 &&
      summary.vendorsCreated === 0 &&
      !summary.usersCreated &&
      summary.slotsCreated === 0 &&
      summary.newsCreated === 0
    ) {
      this.logger.info('Demo data already present; nothing to do')
      return
    }
    await announceDirectoryChange(this.app)
    this.logger.success(
      `Demo data seeded: ${summary.topicsCreated} topics, ${summary.vendorsCreated} vendors ` +
        `(${summary.vendorsWithCoordinates} with coordinates), ${summary.usersCreated ?? 0} accounts, ` +
        `${summary.slotsCreated} ad slots, ${summary.newsCreated} news items`
    )
  }
}
