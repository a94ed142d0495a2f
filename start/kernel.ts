/*
|--------------------------------------------------------------------------
| HTTP kernel
|--------------------------------------------------------------------------
|
| Server middleware runs on every request, matched or not (so 404 pages
| are translated too). Sessions and CSRF are *named* middleware: public
| reader routes and the JSON API set no cookies (see docs/decisions.md).
*/
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'
import env from '#start/env'
import { MISSING_APP_URL } from '#services/mail/app_url'

// Absolute URLs never come from the Host header: a production server needs APP_URL.
if (app.getEnvironment() === 'web' && app.inProduction && !env.get('APP_URL')) {
  throw new Error(MISSING_APP_URL)
}

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  () => import('#middleware/container_bindings_middleware'),
  // X-Request-Id, and one log line per request (method, path, status, duration).
  () => import('#middleware/request_log_middleware'),
  () => import('#middleware/security_headers_middleware'),
  // @adonisjs/static, for paths under public/ only.
  () => import('#middleware/public_files_middleware'),
  () => import('#middleware/detect_locale_middleware'),
])

router.use([
  // The body parser, and which bodies each route takes (415, 400).
  () => import('#middleware/request_body_middleware'),
  () => import('#middleware/initialize_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
])

export const middleware = router.named({
  session: () => import('@adonisjs/session/session_middleware'),
  shield: () => import('@adonisjs/shield/shield_middleware'),
  auth: () => import('#middleware/auth_middleware'),
  guest: () => import('#middleware/guest_middleware'),
  silentAuth: () => import('#middleware/silent_auth_middleware'),
  readerSession: () => import('#middleware/reader_session_middleware'),
  editorial: () => import('#middleware/editorial_middleware'),
  contentSecurityPolicy: () => import('#middleware/content_security_policy_middleware'),
  publicCors: () => import('#middleware/public_cors_middleware'),
})
