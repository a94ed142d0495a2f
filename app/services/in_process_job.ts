import logger from '@adonisjs/core/services/logger'

/**
 * Runs `job` every `everyMs` inside the web server process (bin/server.ts
 * starts the schedules; tests and ace never do), the first time after
 * `firstAfterMs` at the most. The timers are unref'd, so they never keep the
 * process alive; runs never overlap; a failed run is logged under `name`
 * and the next one tries again. `job` answers what to log after a run, or
 * null when there is nothing to tell. The stop function waits for a run in
 * progress.
 */
export function startInProcessJob(options: {
  name: string
  everyMs: number
  firstAfterMs: number
  job: () => Promise<Record<string, unknown> | null>
}): () => Promise<void> {
  const { name, everyMs, firstAfterMs, job } = options
  let running: Promise<void> | null = null
  const run = async () => {
    try {
      const outcome = await job()
      if (outcome) logger.info(outcome, `${name} (in-process)`)
    } catch (error) {
      logger.error({ err: error }, `${name} (in-process) failed`)
    }
  }
  const tick = () => {
    if (running) return
    running = run().finally(() => {
      running = null
    })
  }
  const first = setTimeout(tick, Math.min(everyMs, firstAfterMs))
  const timer = setInterval(tick, everyMs)
  first.unref()
  timer.unref()
  return async () => {
    clearTimeout(first)
    clearInterval(timer)
    await running
  }
}
