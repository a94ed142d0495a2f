import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/**
 * Redis holds the state that several app processes share (rotation
 * positions, counters, click de-duplication, rate limits, sessions and the
 * cache invalidation). It is used only when REDIS_HOST is set
 * (`sharedStateInRedis` in providers/app_provider.ts); without it one
 * process keeps all of this in memory. Connections open lazily, on the
 * first command, so this config costs nothing when Redis is not used.
 *
 * REDIS_PREFIX keeps apps (or test runs) that share one Redis server apart.
 */
const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      host: env.get('REDIS_HOST', '127.0.0.1'),
      port: env.get('REDIS_PORT', 6379),
      password: env.get('REDIS_PASSWORD', ''),
      db: env.get('REDIS_DB', 0),
      keyPrefix: env.get('REDIS_PREFIX', 'anbieter:'),
      // A request waits at most this long for a command while Redis is away, then fails.
      maxRetriesPerRequest: 3,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
