import cluster from 'node:cluster'
import { performance } from 'node:perf_hooks'
import { BaseCheck, HealthChecks, Result } from '@adonisjs/core/health'
import type { HealthCheckContract, HealthCheckResult } from '@adonisjs/core/types/health'
import db from '@adonisjs/lucid/services/db'
import type { RedisConnection } from '@adonisjs/redis'
import type { ImpressionCounter } from '#services/delivery/impression_counter'

/** A database or Redis round trip longer than this fails the check (a pool that hangs). */
const DATABASE_TIMEOUT_MS = 2_000

/** Runs `probe` with a time limit and answers its latency in ms (rounded to 0.01). */
async function timedProbe(probe: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)),
          DATABASE_TIMEOUT_MS
        )
      }),
    ])
    return Math.round((performance.now() - started) * 100) / 100
  } finally {
    clearTimeout(timer)
  }
}

/** `select 1` on the default connection, with its latency. */
export class DatabaseCheck extends BaseCheck {
  name = 'database'

  async run(): Promise<HealthCheckResult> {
    const connection = db.connection()
    try {
      const latencyMs = await timedProbe(() => connection.rawQuery('select 1 as ok'))
      return Result.ok('The database answers').mergeMetaData({
        dialect: connection.dialect.name,
        latencyMs,
      })
    } catch (error) {
      return Result.failed(
        `The database does not answer: ${(error as Error).message}`
      ).mergeMetaData({ dialect: connection.dialect.name })
    }
  }
}

/** PING on the shared Redis connection (REDIS_HOST set), with its latency. */
export class RedisPingCheck extends BaseCheck {
  name = 'redis'

  constructor(private connection: RedisConnection) {
    super()
  }

  async run(): Promise<HealthCheckResult> {
    try {
      const latencyMs = await timedProbe(() => this.connection.ping())
      return Result.ok('Redis answers').mergeMetaData({ latencyMs })
    } catch (error) {
      return Result.failed(`Redis does not answer: ${(error as Error).message}`)
    }
  }
}

/**
 * When this process last wrote its placement counters (null before its
 * first flush). Informational: a database that cannot take the write
 * fails the database check.
 */
export class CounterFlushCheck extends BaseCheck {
  name = 'counters'

  constructor(private counter: ImpressionCounter) {
    super()
  }

  async run(): Promise<HealthCheckResult> {
    const at = this.counter.lastFlushAt
    return Result.ok(at ? 'Counters flushed' : 'No flush yet').mergeMetaData({
      lastFlushAt: at?.toISOString() ?? null,
    })
  }
}

export type HealthReport = {
  status: 'ok' | 'error'
  checkedAt: string
  /** The cluster worker that answered (1, 2, …; null for a single process). */
  worker: number | null
  checks: Record<
    string,
    { status: 'ok' | 'warning' | 'error'; message: string } & Record<string, unknown>
  >
}

/**
 * The checks GET /health runs, in parallel: the database and the counter
 * flush always, and Redis when the processes share their state there.
 */
export function healthChecks(
  counter: ImpressionCounter,
  redis: RedisConnection | null = null
): HealthCheckContract[] {
  const checks: HealthCheckContract[] = [new DatabaseCheck(), new CounterFlushCheck(counter)]
  if (redis) checks.push(new RedisPingCheck(redis))
  return checks
}

export async function healthReport(checks: HealthCheckContract[]): Promise<HealthReport> {
  const report = await new HealthChecks().register(checks).run()
  return {
    status: report.isHealthy ? 'ok' : 'error',
    checkedAt: report.finishedAt.toISOString(),
    worker: cluster.worker?.id ?? null,
    checks: Object.fromEntries(
      report.checks.map((check) => [
        check.name,
        { status: check.status, message: check.message, ...check.meta },
      ])
    ),
  }
}
