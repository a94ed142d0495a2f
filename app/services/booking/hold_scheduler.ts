import { startInProcessJob } from '#services/in_process_job'
import HoldExpiry from '#services/booking/hold_expiry'

/** How often the web server runs `bookings:expire` in-process. */
export const EXPIRE_EVERY_MINUTES = 5

/** Runs the hold expiry every few minutes inside the web server process (see in_process_job.ts). */
export function startHoldExpiryScheduler(
  everyMs: number = EXPIRE_EVERY_MINUTES * 60_000,
  expiry: HoldExpiry = new HoldExpiry()
): () => Promise<void> {
  return startInProcessJob({
    name: 'bookings:expire',
    everyMs,
    firstAfterMs: 10_000,
    job: async () => {
      const result = await expiry.run()
      return result.expired > 0 || result.warned.length > 0 ? { ...result } : null
    },
  })
}
