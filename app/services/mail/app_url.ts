import env from '#start/env'
import app from '@adonisjs/core/services/app'
import type { HttpRequest } from '@adonisjs/core/http'

/**
 * The origin that links in e-mails point to: APP_URL when set, else the
 * current request's origin. Production requires APP_URL, so that a forged
 * Host header can never put someone else's address into a reset link.
 */
export function appUrl(request?: HttpRequest): string {
  const configured = env.get('APP_URL')
  if (configured) return configured.replace(/\/+$/, '')
  if (app.inProduction) {
    throw new Error('APP_URL must be set in production: links in e-mails are built from it.')
  }
  if (request) return `${request.protocol()}://${request.host()}`
  return `http://${env.get('HOST', 'localhost')}:${env.get('PORT', 3333)}`
}
