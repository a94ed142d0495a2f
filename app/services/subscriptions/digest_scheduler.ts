import { startInProcessJob } from '#services/in_process_job'
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
 * Runs the digests every `everyMs` inside the web server process (0 turns
 * it off), like the hold expiry (see in_process_job.ts).
 */
export function startDigestScheduler(
  everyMs: number = DIGEST_EVERY_MS,
  digests: DigestService = new DigestService()
): () => Promise<void> {
  return startInProcessJob({
    name: 'digest:send',
    everyMs,
    firstAfterMs: 30_000,
    job: async () => {
      const { purged, planned, sent, skipped } = await digests.run()
      return purged > 0 || planned > 0 ? { purged, planned, sent, skipped } : null
    },
  })
}
