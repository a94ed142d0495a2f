import logger from '@adonisjs/core/services/logger'
import type { ImpressionCounter } from '#services/delivery/impression_counter'

/**
 * How often the web server writes its buffered counts. A busy topic's box
 * rotates over thousands of vendors, each a row of the flush, and the event
 * loop copies every row it hands on (packed for the SQLite writer thread,
 * or as PostgreSQL's JSON parameter): four small flushes a second keep each
 * of those pauses short where one would hold every request in flight.
 */
export const FLUSH_EVERY_MS = 250

/**
 * Flushes the counter every `everyMs` (at least once a second) in the web server process
 * (bin/server.ts starts it; tests and ace never do). The timer is unref'd,
 * so it never keeps the process alive, and a tick is skipped while a flush
 * runs. The stop function stops the timer and writes what is left (a
 * failed final write is tried again a few times before it is logged), then
 * closes the counter's store.
 */
export function startCounterFlush(
  counter: ImpressionCounter,
  everyMs: number = FLUSH_EVERY_MS
): () => Promise<void> {
  const tick = () => {
    if (counter.isFlushing) return
    counter.flush().catch((error) => {
      logger.error(
        { err: error },
        'flushing the placement counters failed; kept for the next flush'
      )
    })
  }
  const timer = setInterval(tick, everyMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await finalFlush(counter)
    await counter.close()
  }
}

async function finalFlush(counter: ImpressionCounter) {
  for (let attempt = 1; ; attempt++) {
    try {
      await counter.flush()
      return
    } catch (error) {
      if (attempt === 3) {
        logger.error({ err: error, unflushed: counter.unflushed() }, 'final counter flush failed')
        return
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt))
    }
  }
}

/**
 * "Flush now", on SIGUSR2 (`node ace counters:report --flush` sends it): logs
 * the counts this process has not written yet, then writes them. Another
 * process cannot read this one's memory, so this log line is where they show.
 */
export async function flushOnSignal(counter: ImpressionCounter) {
  const unflushed = counter.unflushed()
  try {
    await counter.flush()
    logger.info({ unflushed }, 'counters flushed on request (SIGUSR2)')
  } catch (error) {
    logger.error({ err: error, unflushed }, 'flushing the counters on request failed')
  }
}
