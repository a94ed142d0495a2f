/*
|--------------------------------------------------------------------------
| Process supervision: WEB_CONCURRENCY, start-up errors, the shutdown deadline
|--------------------------------------------------------------------------
|
| bin/server.ts calls `superviseWorkers()` before it boots anything. It
| validates the environment (start/env.ts) and, with WEB_CONCURRENCY > 1,
| turns this process into a node:cluster primary that never boots the app:
| it forks the workers (each one runs bin/server.ts and the whole app, and
| they share the port), restarts a worker that dies, with a backoff so a
| crash loop does not spin, and passes SIGTERM/SIGINT (and SIGUSR2, "flush
| now") on to the workers. It exits once they have, with 0 when every one
| of them exited cleanly.
|
| The primary imports only node: modules and start/env.ts (no providers,
| no database): it holds no counters and serves nothing.
*/
import cluster, { type Worker } from 'node:cluster'
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs'

/** Every worker stops within this; the primary waits a little longer, then kills. */
export const SHUTDOWN_DEADLINE_MS = 10_000

/** A worker that dies sooner than this after its start counts as a crash (backoff). */
const STABLE_AFTER_MS = 5_000
const FIRST_RESTART_DELAY_MS = 250
const MAX_RESTART_DELAY_MS = 30_000

/**
 * Prints one line to stderr and exits with 1: a start-up error is a
 * configuration problem for the operator, not a stack trace. Outside
 * production the full error is printed below the line.
 */
export function exitWithStartupError(error: unknown): never {
  console.error(`Cannot start the server: ${describeStartupError(error)}`)
  if (process.env.NODE_ENV !== 'production') console.error(error)
  process.exit(1)
}

/** One line for an error that stops the start (env validation lists every variable). */
export function describeStartupError(error: unknown): string {
  const failure = error as { code?: string; help?: string; message?: string }
  if (failure?.code === 'E_INVALID_ENV_VARIABLES' && failure.help) {
    return failure.help
      .split('\n')
      .map((line) => line.replace(/^- /, '').trim())
      .filter(Boolean)
      .join('; ')
  }
  return String(failure?.message ?? error)
    .split('\n')[0]
    .trim()
}

/**
 * Validates the environment, then: in a worker or with one process,
 * returns at once (the caller boots the app); in the primary of
 * WEB_CONCURRENCY > 1, supervises the workers and never returns (the
 * process exits when they are done).
 */
export async function superviseWorkers(): Promise<void> {
  // Until the app takes SIGUSR2 ("flush now"), it must not end a booting process.
  process.on('SIGUSR2', () => {})
  if (cluster.isWorker) return
  let workers = 1
  try {
    const { default: env } = await import('#start/env')
    workers = env.get('WEB_CONCURRENCY') ?? 1
    writePidFile(env.get('PID_FILE'))
  } catch (error) {
    exitWithStartupError(error)
  }
  if (workers <= 1) return
  new ClusterPrimary(workers).start()
  // The primary's work is done by the cluster's events; it exits from there.
  await new Promise<never>(() => {})
}

/** The process to signal (SIGUSR2: flush now); removed on exit if it is still ours. */
function writePidFile(path: string | undefined) {
  if (!path) return
  writeFileSync(path, `${process.pid}\n`)
  process.once('exit', () => {
    try {
      if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path)
    } catch {}
  })
}

/** How long to wait before restarting a worker after `failures` quick deaths in a row. */
export function restartDelay(failures: number): number {
  if (failures <= 0) return 0
  return Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** (failures - 1))
}

class ClusterPrimary {
  #stopping: NodeJS.Signals | null = null
  #failures = 0
  #startedAt = new Map<number, number>()
  /**
   * Each worker's slot, 1…size, passed as WORKER_SLOT; a restarted worker
   * takes the slot of the one it replaces. Work that must run in one
   * process only (the digest schedule) runs in slot 1.
   */
  #slots = new Map<number, number>()
  #exitCodes: number[] = []
  /** Until one worker listens, a worker that fails means the start failed (configuration). */
  #started = false

  constructor(private size: number) {}

  start() {
    log('info', `starting ${this.size} workers (WEB_CONCURRENCY=${this.size})`)
    for (let slot = 1; slot <= this.size; slot++) this.#fork(slot)
    cluster.on('exit', (worker, code, signal) => this.#exited(worker, code, signal))
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(signal, () => this.#stop(signal))
    }
    // "Flush now" (see counters:report --flush): every worker writes its counters.
    process.on('SIGUSR2', () => this.#forEachWorker((worker) => worker.process.kill('SIGUSR2')))
  }

  #fork(slot: number) {
    const worker = cluster.fork({ WORKER_SLOT: String(slot) })
    this.#slots.set(worker.id, slot)
    this.#startedAt.set(worker.id, Date.now())
    worker.once('listening', () => {
      this.#started = true
      log('info', `worker ${worker.id} listening (pid ${worker.process.pid})`)
    })
  }

  #exited(worker: Worker, code: number | null, signal: string | null) {
    const lived = Date.now() - (this.#startedAt.get(worker.id) ?? Date.now())
    const slot = this.#slots.get(worker.id) ?? 1
    this.#startedAt.delete(worker.id)
    this.#slots.delete(worker.id)
    if (this.#stopping) {
      this.#exitCodes.push(signal ? 1 : (code ?? 1))
      if (Object.keys(cluster.workers ?? {}).length === 0) this.#done()
      return
    }
    if (!this.#started) {
      // Its own line on stderr said why; starting it again would only say it again.
      log('error', `worker ${worker.id} could not start; stopping`)
      this.#exitCodes.push(1)
      this.#stop('SIGTERM')
      return
    }
    this.#failures = lived < STABLE_AFTER_MS ? this.#failures + 1 : 0
    const delay = restartDelay(this.#failures)
    log(
      'error',
      `worker ${worker.id} (pid ${worker.process.pid}) died (${signal ?? `exit code ${code}`}); ` +
        `restarting it${delay ? ` in ${delay} ms` : ''}`
    )
    setTimeout(() => {
      if (!this.#stopping) this.#fork(slot)
    }, delay)
  }

  #stop(signal: NodeJS.Signals) {
    if (this.#stopping) return
    this.#stopping = signal
    log('info', `${signal}: stopping ${this.#count()} workers`)
    this.#forEachWorker((worker) => worker.process.kill(signal))
    if (this.#count() === 0) return this.#done()
    // Each worker has its own 10 s deadline; this one only catches a worker that ignores it.
    setTimeout(() => {
      log('error', `workers still running after ${SHUTDOWN_DEADLINE_MS + 2_000} ms; killing them`)
      this.#forEachWorker((worker) => worker.process.kill('SIGKILL'))
      process.exit(1)
    }, SHUTDOWN_DEADLINE_MS + 2_000).unref()
  }

  #done() {
    const clean = this.#exitCodes.every((code) => code === 0)
    log(clean ? 'info' : 'error', `all workers stopped${clean ? '' : ' (some not cleanly)'}`)
    process.exit(clean ? 0 : 1)
  }

  #count() {
    return Object.keys(cluster.workers ?? {}).length
  }

  #forEachWorker(action: (worker: Worker) => void) {
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && !worker.isDead()) action(worker)
    }
  }
}

/**
 * The primary does not boot the app's logger. In production it writes
 * pino-shaped JSON lines, so its lines sit among the workers' own;
 * elsewhere a plain line. LOG_LEVEL=silent (tests) silences info.
 */
const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const

function log(level: 'info' | 'error', message: string) {
  const threshold = process.env.LOG_LEVEL ?? 'info'
  if (threshold === 'silent') return
  if (LEVELS[level] < (LEVELS[threshold as keyof typeof LEVELS] ?? 30)) return
  if (process.env.NODE_ENV === 'production') {
    const line = { level: LEVELS[level], time: Date.now(), pid: process.pid, msg: message }
    process.stdout.write(`${JSON.stringify({ ...line, name: 'cluster' })}\n`)
  } else {
    process.stdout.write(`[cluster] ${message}\n`)
  }
}

/**
 * A worker (or the single process) that has not exited this long after
 * SIGTERM/SIGINT exits anyway, and says which shutdown step hung.
 */
export function armShutdownDeadline(describeStep: () => string) {
  const timer = setTimeout(() => {
    const line = {
      level: LEVELS.error,
      time: Date.now(),
      pid: process.pid,
      msg: `shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s (still ${describeStep()}); exiting`,
    }
    process.stderr.write(
      process.env.NODE_ENV === 'production' ? `${JSON.stringify(line)}\n` : `${line.msg}\n`
    )
    process.exit(1)
  }, SHUTDOWN_DEADLINE_MS)
  timer.unref()
}

/**
 * A cluster worker whose app has terminated: its IPC channel to the
 * primary would keep it alive, so it disconnects and exits once idle.
 */
export function releaseWorker() {
  if (cluster.isWorker && cluster.worker && cluster.worker.isConnected())
    cluster.worker.disconnect()
}
