import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'
import { sharedStateInRedis } from '#services/shared/redis_mode'

/**
 * Sessions run only on the route groups that need them (account,
 * editorial, sign-in). Reader pages run it only for requests that already
 * carry its cookie (reader_session_middleware), so they set no cookie.
 * Sessions are revoked through the user's session generation
 * (RevocableSessionGuard), which works with the cookie store too. With
 * REDIS_HOST set, the session data lives in Redis, shared by every process.
 */
export const SESSION_COOKIE_NAME = 'anbieter-session'

const sessionConfig = defineConfig({
  enabled: true,
  cookieName: SESSION_COOKIE_NAME,
  clearWithBrowser: false,
  age: '2h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  store: env.get(
    'SESSION_DRIVER',
    app.inTest ? 'memory' : sharedStateInRedis() ? 'redis' : 'cookie'
  ),
  stores: {
    cookie: stores.cookie(),
    redis: stores.redis({ connection: 'main' }),
  },
})

export default sessionConfig
