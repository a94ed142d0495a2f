import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * Work that must not show in a response's timing (whether an address has an
 * account, whether a mail went out) runs after the response has been sent.
 * Its failures are logged, never shown to the requester.
 *
 * `settleAfterResponse()` waits for everything scheduled so far (tests, and
 * a graceful shutdown). `holdAfterResponse()` lets a test prove that nothing
 * ran before the answer: held tasks start only when released.
 */
const pending = new Set<Promise<void>>()
let held: (() => void)[] | null = null

// A graceful shutdown (SIGTERM, SIGINT) lets the scheduled mails go out first.
app.terminating(() => settleAfterResponse())

export function afterResponse(ctx: HttpContext, task: () => Promise<unknown>) {
  let start!: () => void
  const started = new Promise<void>((resolve) => (start = resolve))
  const done = started
    .then(task)
    .then(
      () => undefined,
      (error) => ctx.logger.error({ err: error }, 'a task after the response failed')
    )
    .finally(() => pending.delete(done))
  pending.add(done)

  const release = () => (held ? held.push(start) : start())
  const raw = ctx.response.response
  if (raw.writableFinished || raw.destroyed) {
    setImmediate(release)
  } else {
    let released = false
    const once = () => {
      if (released) return
      released = true
      release()
    }
    raw.once('finish', once)
    raw.once('close', once)
  }
}

/** Resolves once every task scheduled so far (and any they schedule) has finished. */
export async function settleAfterResponse() {
  while (pending.size > 0) await Promise.all([...pending])
}

/** Tests: tasks wait until the returned function is called. */
export function holdAfterResponse(): () => void {
  held = []
  return () => {
    const queue = held ?? []
    held = null
    for (const start of queue) start()
  }
}
