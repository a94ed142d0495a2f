import app from '@adonisjs/core/services/app'

/**
 * Security headers on every response: pages, the API, /uploads, static
 * files and error pages alike (app/middleware/security_headers_middleware.ts
 * sends them). Shield's own header features are off (config/shield.ts), so
 * this file is the one place that decides them.
 */

/** CSP directives by name; each value is the list of sources. */
export type CspDirectives = Record<string, string[]>

/**
 * No inline script and no inline style: every script and stylesheet is a
 * file under public/. JSON-LD blocks are data, not script, and CSP leaves
 * them alone.
 */
export const contentSecurityPolicy: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  // Nobody frames our pages; a route that may be embedded widens this
  // with middleware.contentSecurityPolicy({ 'frame-ancestors': [...] }).
  'frame-ancestors': ["'none'"],
}

/** HSTS only where TLS is certain: production (180 days). */
export function hstsFor(inProduction: boolean): string | null {
  return inProduction ? 'max-age=15552000; includeSubDomains' : null
}

export const headersConfig = {
  referrerPolicy: 'strict-origin-when-cross-origin',
  hsts: hstsFor(app.inProduction),
}

/** The header value of a set of directives. */
export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')
}

/** The headers every response starts with; routes may narrow or widen the CSP. */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': headersConfig.referrerPolicy,
    'Content-Security-Policy': serializeCsp(contentSecurityPolicy),
    // For browsers without frame-ancestors; dropped where a route allows framing.
    'X-Frame-Options': 'DENY',
  }
  if (headersConfig.hsts) headers['Strict-Transport-Security'] = headersConfig.hsts
  return headers
}
