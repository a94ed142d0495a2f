import cluster from 'node:cluster'
import { performance } from 'node:perf_hooks'
import { BaseCheck, HealthChecks, Result } from '@adonisjs/core/health'
import type { HealthCheckContract, HealthCheckResult } from '@adonisjs/core/types/health'
import db from '@adonisjs/lucid/services/db'
import type { ImpressionCounter } from '#services/delivery/impression_counter'

/** A database round trip longer than this fails the check (a pool that hangs). */
const DATABASE_TIMEOUT_MS = 2_000

/** `select 1` on the default connection, with its latency. */
export class DatabaseCheck extends BaseCheck {
  name = 'database'

  async run(): Promise<HealthCheckResult> {
    const connection = db.connection()
    const started = performance.now()
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        connection.rawQuery('select 1 as ok'),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)),
            DATABASE_TIMEOUT_MS
          )
        }),
      ])
      return Result.ok('The database answers').mergeMetaData({
        dialect: connection.dialect.name,
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
      })
    } catch (error) {
      return Result.failed(
        `The database does not answer: ${(error as Error).message}`
      ).mergeMetaData({ dialect: connection.dialect.name })
    } finally {
      clearTimeout(timer)
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
 * The checks GET /health runs, in parallel. The database and the counter
 * flush always; a shared store (Redis) adds its own check to this list
 * when the app is configured with one.
 */
export function healthChecks(counter: ImpressionCounter): HealthCheckContract[] {
  return [new DatabaseCheck(), new CounterFlushCheck(counter)]
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
