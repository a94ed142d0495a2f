import logger from '@adonisjs/core/services/logger'
import DigestService from '#services/subscriptions/digest_service'

/** How often the web server runs `digest:send` in-process, unless DIGEST_INTERVAL_MS says otherwise. */
export const DIGEST_EVERY_MS = 10 * 60_000

/**
 * Whether this process runs the schedule: a single server, or worker 1 of
 * a cluster (bin/cluster.ts gives each worker its slot; a restarted worker
 * keeps the slot of the one it replaces). Other workers leave it alone.
 */
export function runsDigestSchedule(env: NodeJS.ProcessEnv = process.env): boolean {
  const slot = env.WORKER_SLOT
  return slot === undefined || slot === '1'
}

/**
 * Runs the digests every `everyMs` inside the web server process
 * (bin/server.ts starts it; tests and ace never do; 0 turns it off). Like
 * the hold expiry: unref'd timers, runs never overlap, a failed run is
 * logged and the next one tries again. The stop function waits for a run
 * in progress.
 */
export function startDigestScheduler(
  everyMs: number = DIGEST_EVERY_MS,
  digests: DigestService = new DigestService()
): () => Promise<void> {
  let running: Promise<void> | null = null
  const run = async () => {
    try {
      const { purged, planned, sent, skipped } = await digests.run()
      if (purged > 0 || planned > 0) {
        logger.info({ purged, planned, sent, skipped }, 'digest:send (in-process)')
      }
    } catch (error) {
      logger.error({ err: error }, 'digest:send (in-process) failed')
    }
  }
  const tick = () => {
    if (running) return
    running = run().finally(() => {
      running = null
    })
  }
  const first = setTimeout(tick, Math.min(everyMs, 30_000))
  const timer = setInterval(tick, everyMs)
  first.unref()
  timer.unref()
  return async () => {
    clearTimeout(first)
    clearInterval(timer)
    await running
  }
}
