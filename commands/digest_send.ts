import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { DateTime } from 'luxon'
import DigestService, { type PlannedDigest } from '#services/subscriptions/digest_service'
import { progressBar, throttled } from './_progress.js'
import { commitRoutes } from './_routes.js'

/**
 * Sends the subscribers' due digests and deletes subscriptions left
 * unconfirmed for 7 days. Safe to run twice, or beside the server's own
 * schedule (DIGEST_INTERVAL_MS): every item is claimed in the ledger
 * before its mail goes out, so nothing is sent twice.
 */
export default class DigestSend extends BaseCommand {
  static commandName = 'digest:send'
  static description = 'Send due subscription digests (news items and new vendors of a topic)'
  static help = [
    'Immediate subscriptions get what was published since their last digest; weekly ones',
    'at most one digest per ISO week. --dry-run lists what would be sent and changes nothing.',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'List what would be sent; send, store and delete nothing' })
  declare dryRun: boolean

  async run() {
    // The mails' signed links need the routes.
    await commitRoutes(this.app)
    const digests = new DigestService()
    const now = DateTime.now()

    if (this.dryRun) {
      const result = await digests.run(now, { dryRun: true })
      for (const digest of result.digests) this.logger.info(describe(digest))
      this.logger.info(
        `dry run: ${result.planned} digest(s) due; ${result.purged} unconfirmed subscription(s) would be deleted`
      )
      return
    }

    let result = { purged: 0, planned: 0, sent: 0, skipped: 0 }
    const tasks = this.ui.tasks()
    tasks.add('Send due digests', async (task) => {
      const report = throttled((done: number, total: number) =>
        task.update(progressBar(done, total, 'digests'))
      )
      result = await digests.run(now, {
        onProgress: (done, total) => report(done === total, done, total),
      })
      return `${result.sent} sent, ${result.skipped} taken by another run`
    })
    await tasks.run()
    if (tasks.getState() === 'failed') {
      this.error = tasks.error
      this.exitCode = 1
      return
    }
    this.logger.success(
      `${result.sent} digest(s) sent; ${result.purged} unconfirmed subscription(s) deleted`
    )
  }
}

function describe({ subscription, news, vendors }: PlannedDigest): string {
  return `${subscription.email} (${subscription.frequency}): ${news.length} news item(s), ${vendors.length} vendor(s)`
}
