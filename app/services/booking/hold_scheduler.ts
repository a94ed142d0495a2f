import logger from '@adonisjs/core/services/logger'
import HoldExpiry from '#services/booking/hold_expiry'

/** How often the web server runs `bookings:expire` in-process. */
export const EXPIRE_EVERY_MINUTES = 5

/**
 * Runs the hold expiry every few minutes inside the web server process
 * (bin/server.ts starts it; tests and ace never do). The timer is unref'd,
 * so it never keeps the process alive, runs never overlap, and a failed
 * run is logged and the next one tries again. The stop function resolves
 * once a run in progress has finished.
 */
export function startHoldExpiryScheduler(
  everyMs: number = EXPIRE_EVERY_MINUTES * 60_000,
  expiry: HoldExpiry = new HoldExpiry()
): () => Promise<void> {
  let running: Promise<void> | null = null
  const run = async () => {
    try {
      const result = await expiry.run()
      if (result.expired > 0 || result.warned.length > 0) {
        logger.info(result, 'bookings:expire (in-process)')
      }
    } catch (error) {
      logger.error({ err: error }, 'bookings:expire (in-process) failed')
    }
  }
  const tick = () => {
    if (running) return
    running = run().finally(() => {
      running = null
    })
  }
  const first = setTimeout(tick, Math.min(everyMs, 10_000))
  const timer = setInterval(tick, everyMs)
  first.unref()
  timer.unref()
  return async () => {
    clearTimeout(first)
    clearInterval(timer)
    await running
  }
}
