import { defineConfig } from '@adonisjs/shield'

/**
 * POSTs that need no session (start/routes/subscriptions.ts): a signed
 * form token or a signed link is their proof. Shield runs on reader pages
 * for a signed-in user, and must not refuse these for want of a CSRF token.
 */
const SESSIONLESS_POST_ROUTES: ReadonlySet<string> = new Set([
  'subscriptions.store',
  'subscriptions.confirm.store',
  'subscriptions.unsubscribe.store',
  'subscriptions.update',
])

/**
 * Shield runs on the signed-in groups only, for CSRF. The security headers
 * (CSP, framing, nosniff, HSTS) go on every response instead, from
 * config/headers.ts, so Shield's own copies of them are off.
 */
const shieldConfig = defineConfig({
  csp: {
    enabled: false,
    directives: {},
    reportOnly: false,
  },
  csrf: {
    enabled: true,
    // The API (tokens) and the subscription forms (signed, stateless tokens and links).
    exceptRoutes: (ctx) =>
      ctx.request.url().startsWith('/api/') || SESSIONLESS_POST_ROUTES.has(ctx.route?.name ?? ''),
    enableXsrfCookie: false,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: {
    enabled: false,
  },
  hsts: {
    enabled: false,
  },
  contentTypeSniffing: {
    enabled: false,
  },
})

export default shieldConfig
