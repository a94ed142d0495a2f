import { defineConfig } from '@adonisjs/shield'

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
    exceptRoutes: (ctx) => ctx.request.url().startsWith('/api/'),
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
