import env from '#start/env'
import app from '@adonisjs/core/services/app'
import type { HttpRequest } from '@adonisjs/core/http'

export const MISSING_APP_URL =
  'APP_URL must be set in production: every absolute URL (canonical links, sitemap, ' +
  'Open Graph, links in e-mails) is built from it, never from the Host header.'

/**
 * The site's origin, for every absolute URL: links in e-mails, canonical
 * links, JSON-LD, the sitemap, Open Graph. It is APP_URL, never the
 * request's Host or X-Forwarded-Host, which a client can forge.
 * In production the HTTP server refuses to start without APP_URL
 * (start/kernel.ts), and a command that builds a URL fails; elsewhere the
 * fallback is the address the server listens on, http://HOST:PORT.
 *
 * The request parameter is accepted for older callers and ignored.
 */
export function appUrl(_request?: HttpRequest): string {
  const configured = env.get('APP_URL')
  if (configured) return configured.replace(/\/+$/, '')
  if (app.inProduction) throw new Error(MISSING_APP_URL)
  return `http://${env.get('HOST', 'localhost')}:${env.get('PORT', 3333)}`
}

/** A path of this site (`/vendors/x`) as an absolute URL on APP_URL. */
export function absoluteUrl(path: string): string {
  return `${appUrl()}${path.startsWith('/') ? path : `/${path}`}`
}
