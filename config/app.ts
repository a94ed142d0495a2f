import type { IncomingMessage, ServerResponse } from 'node:http'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { Secret } from '@adonisjs/core/helpers'
import { defineConfig } from '@adonisjs/core/http'
import { safeStringify } from '@poppinss/utils/json'
import { securityHeaders } from '#config/headers'

/**
 * Signs and encrypts cookies and signed URLs. Keep it secret: `npm run demo`
 * generates one into .env on a fresh machine.
 */
export const appKey = new Secret(env.get('APP_KEY'))

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  /**
   * Whose X-Forwarded-For to believe for `request.ip()` (log-in and mail
   * limits, click de-duplication): the reverse proxies in front, as
   * proxy-addr names them ("loopback", "10.0.0.0/8", "192.0.2.10", comma
   * separated). Only loopback by default, so a client cannot claim an IP.
   */
  trustProxy: env.get('TRUSTED_PROXIES', 'loopback'),
  useAsyncLocalStorage: false,
  /**
   * Routes are looked up in an index (static paths at once, the rest among
   * the candidates their segments allow) rather than tried one by one in
   * order; the first registered route that matches still wins, as before.
   */
  router: { matcher: 'tree' },
  /**
   * JSON answers through the engine's own JSON.stringify, which is several
   * times faster than the framework's safe stringify (a JS replacer called
   * per value: half as much CPU as the placement decision, per placement
   * answer). Only what the engine refuses (a BigInt, a cycle) takes the
   * safe one.
   */
  serializeJSON(value: unknown) {
    try {
      return JSON.stringify(value)
    } catch {
      return safeStringify(value)
    }
  },
  /** A URL that does not decode (`/%c0%ae`) never reaches middleware; it keeps our headers all the same. */
  onBadUrl(_req: IncomingMessage, res: ServerResponse) {
    res.writeHead(400, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('Bad Request')
  },
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
