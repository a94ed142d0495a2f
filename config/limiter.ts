import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'
import { sharedStateInRedis } from '#services/shared/redis_mode'

/**
 * Memory for one process; Redis when REDIS_HOST is set, so that every
 * process counts against the same limits (log-in, mail). The IPs the
 * limiters key on live only here, never in the database.
 */
const limiterConfig = defineConfig({
  default: env.get('LIMITER_STORE', sharedStateInRedis() ? 'redis' : 'memory'),
  stores: {
    memory: stores.memory({}),
    redis: stores.redis({ connectionName: 'main' }),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
