import env from '#start/env'

/**
 * True when several processes share their state through Redis: REDIS_HOST
 * is set. The stores bound in providers/app_provider.ts, the limiter and
 * the session store then use Redis; otherwise one process keeps all of it
 * in memory, exactly as before.
 */
export function sharedStateInRedis(): boolean {
  return Boolean(env.get('REDIS_HOST'))
}
