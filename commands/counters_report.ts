import { readFile } from 'node:fs/promises'
import { DateTime } from 'luxon'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { DISPLAY_ZONE } from '#services/berlin_time'
import { dailyTotals } from '#services/delivery/counter_totals'
import env from '#start/env'
import { COUNTER_FIELDS, sumCounters, type CounterField } from '#services/delivery/counter_store'
import { RedisCounterStore } from '#services/delivery/redis_counter_store'
import { sharedStateInRedis } from '#services/shared/redis_mode'

/** How long --flush waits for the server's workers to write before it reads. */
const FLUSH_WAIT_MS = 1_500

/**
 * The placement counters per day, as stored. Unflushed counts live in the
 * web server's memory (each worker's own) and reach the database within a
 * second, and on shutdown. This command runs in a process of its own and
 * cannot read that memory. With `--flush` it signals the running server
 * (SIGUSR2, to the pid in `--pid` or in the server's PID_FILE): every
 * worker logs the counts it had not written yet ("counters flushed on
 * request") and writes them, and the table then includes them.
 *
 * With REDIS_HOST set the processes add their counts to Redis every second;
 * this command then shows what waits there, and `--flush` moves it to the
 * database itself (signalling the server first when a pid is known).
 */
export default class CountersReport extends BaseCommand {
  static commandName = 'counters:report'
  static description = 'Show the stored placement counters per day (impressions, clicks, views)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'How many Europe/Berlin days back, today included', default: 7 })
  declare days: number

  @flags.boolean({
    description:
      'Ask the running server to flush its counters first (SIGUSR2; needs --pid or PID_FILE)',
  })
  declare flush: boolean

  @flags.number({ description: 'The server process (the cluster primary) for --flush' })
  declare pid?: number

  async run() {
    const shared = sharedStateInRedis() ? await this.#redisStore() : null
    if (shared) {
      // Shared counters: what waits in Redis is readable from here, and any process may move it.
      const waiting = sumCounters(await shared.waiting())
      this.logger.info(`Waiting in Redis for the database: ${describeCounters(waiting)}`)
      if (this.flush) {
        if (this.pid || env.get('PID_FILE')) await this.#signalServer()
        await shared.moveToDatabase()
        this.logger.info('Moved the counters waiting in Redis to the database.')
      }
    } else if (this.flush && !(await this.#signalServer())) {
      this.exitCode = 1
      return
    }
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

  async #redisStore() {
    const redis = await this.app.container.make('redis')
    return new RedisCounterStore(redis.connection('main').ioConnection)
  }

  /** SIGUSR2 to the server; then gives its workers a moment to write. */
  async #signalServer(): Promise<boolean> {
    const pidFile = env.get('PID_FILE')
    const written = pidFile ? await readFile(pidFile, 'utf8').catch(() => '') : ''
    const pid = this.pid ?? (Number(written.trim()) || undefined)
    if (!pid) {
      this.logger.error("--flush needs the server's pid: --pid=<pid>, or PID_FILE set for both")
      return false
    }
    try {
      process.kill(pid, 'SIGUSR2')
    } catch (error) {
      this.logger.error(`Cannot signal process ${pid}: ${(error as Error).message}`)
      return false
    }
    this.logger.info(`Asked process ${pid} to flush; its log lists what was not yet written.`)
    await new Promise((resolve) => setTimeout(resolve, FLUSH_WAIT_MS))
    return true
  }
}

function describeCounters(sums: Record<CounterField, number>) {
  return COUNTER_FIELDS.map((field) => `${field} ${sums[field]}`).join(', ')
}
