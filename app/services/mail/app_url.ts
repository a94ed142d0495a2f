import env from '#start/env'
import type { HttpRequest } from '@adonisjs/core/http'

/**
 * The site's origin, for every absolute URL: links in e-mails, canonical
 * links, JSON-LD, the sitemap, Open Graph. It is APP_URL, never the
 * request's Host or X-Forwarded-Host, which a client can forge.
 * Production refuses to start without APP_URL (start/env.ts); elsewhere
 * the fallback is the address the server listens on, http://HOST:PORT.
 *
 * The request parameter is accepted for older callers and ignored.
 */
export function appUrl(_request?: HttpRequest): string {
  const configured = env.get('APP_URL')
  if (configured) return configured.replace(/\/+$/, '')
  return `http://${env.get('HOST', 'localhost')}:${env.get('PORT', 3333)}`
}

/** A path of this site (`/vendors/x`) as an absolute URL on APP_URL. */
export function absoluteUrl(path: string): string {
  return `${appUrl()}${path.startsWith('/') ? path : `/${path}`}`
}
