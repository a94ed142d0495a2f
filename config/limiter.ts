import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'

/**
 * Memory by default (one process). The scale-out issue adds a Redis store
 * so that every process shares the counts.
 */
const limiterConfig = defineConfig({
  default: env.get('LIMITER_STORE', 'memory'),
  stores: {
    memory: stores.memory({}),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
