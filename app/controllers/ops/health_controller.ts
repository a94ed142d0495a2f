import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import app from '@adonisjs/core/services/app'
import { sharedStateInRedis } from '#services/shared/redis_mode'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { healthChecks, healthReport } from '#services/health/health_checks'

/**
 * GET /health, for load balancers and monitoring: 200 when every check
 * passes, 503 otherwise, JSON either way. No session, no cookie, never cached.
 */
@inject()
export default class HealthController {
  constructor(private counter: ImpressionCounter) {}

  async show({ response }: HttpContext) {
    const redis = sharedStateInRedis() ? await app.container.make('redis') : null
    const report = await healthReport(healthChecks(this.counter, redis?.connection() ?? null))
    response.header('Cache-Control', 'no-store')
    return response.status(report.status === 'ok' ? 200 : 503).json(report)
  }
}
