/**
 * Validates the environment first (one clear line when it is wrong) and,
 * with WEB_CONCURRENCY > 1, supervises the workers from here on without
 * booting the app (bin/cluster.ts). A worker goes on below.
 */
const { superviseWorkers, exitWithStartupError, armShutdownDeadline, releaseWorker } =
  await import('./cluster.js')
await superviseWorkers()

/**
 * Loaded on demand, as in the v7 starter kit, so that whatever must run
 * before the framework loads (an OpenTelemetry setup, say) can be
 * imported above these lines.
 */
await import('reflect-metadata')
const { Ignitor } = await import('@adonisjs/core')

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    /**
     * Core registers no signal handler of its own. Without these, Node exits
     * at once and drops whatever the app still holds in memory (buffered
     * counters, open transactions).
     */
    let shutdownStep = 'closing the HTTP server (requests in flight)'
    const shutDown = async () => {
      armShutdownDeadline(() => shutdownStep)
      await app.terminate()
      shutdownStep = 'waiting for open handles (timers, sockets) to close'
      releaseWorker()
    }
    app.listen('SIGTERM', shutDown)
    app.listen('SIGINT', shutDown)
    /**
     * Placement counters are flushed every second, and once more on the way
     * out. Terminating hooks run in reverse order of registration, and this
     * one is registered first, before the HTTP server's own: so it runs
     * last, once the server has stopped accepting and answered the requests
     * in flight (and after-response work has settled). Nothing served is lost.
     */
    let stopCounterFlush: (() => Promise<void>) | null = null
    app.terminating(async () => {
      shutdownStep = 'settling after-response work'
      const { settleAfterResponse } = await import('#services/after_response')
      await settleAfterResponse()
      shutdownStep = 'flushing the placement counters'
      await stopCounterFlush?.()
      shutdownStep = 'closing the database connections'
    })
    /**
     * Booking holds lapse while the server runs: `bookings:expire` every few
     * minutes, in this process only (not in tests or ace commands).
     */
    app.ready(async () => {
      const { startHoldExpiryScheduler } = await import('#services/booking/hold_scheduler')
      const stop = startHoldExpiryScheduler()
      app.terminating(stop)

      /**
       * Subscription digests (`digest:send`), in one process only: the
       * single server, or worker 1 of a cluster. DIGEST_INTERVAL_MS=0 turns
       * it off (a cron line runs the command instead; tests).
       */
      const digestScheduler = await import('#services/subscriptions/digest_scheduler')
      const { default: appEnv } = await import('#start/env')
      const digestEvery = appEnv.get('DIGEST_INTERVAL_MS', digestScheduler.DIGEST_EVERY_MS)
      if (digestEvery > 0 && digestScheduler.runsDigestSchedule()) {
        app.terminating(digestScheduler.startDigestScheduler(digestEvery))
      }

      /**
       * Closing the server ends only idle keep-alive connections; busy ones
       * would keep taking requests until they time out. Registered after the
       * server's own hook, this runs just before it: from then on, every
       * connection is closed as soon as its response is out.
       */
      const server = await app.container.make('server')
      app.terminating(() => {
        const nodeServer = server.getNodeServer()
        if (!nodeServer) return
        const sweep = setInterval(() => nodeServer.closeIdleConnections(), 25)
        sweep.unref()
        nodeServer.once('close', () => clearInterval(sweep))
      })

      const { ImpressionCounter } = await import('#services/delivery/impression_counter')
      const { startCounterFlush, flushOnSignal, FLUSH_EVERY_MS } =
        await import('#services/delivery/flush_scheduler')
      const { default: env } = await import('#start/env')
      const counter = await app.container.make(ImpressionCounter)
      stopCounterFlush = startCounterFlush(counter, env.get('COUNTER_FLUSH_MS', FLUSH_EVERY_MS))
      // SIGUSR2: flush now, and log what was waiting (counters:report --flush).
      app.listen('SIGUSR2', () => flushOnSignal(counter))
    })
  })
  .httpServer()
  .start()
  .catch(exitWithStartupError)
