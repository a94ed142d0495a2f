import type { IncomingMessage, ServerResponse } from 'node:http'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { Secret } from '@adonisjs/core/helpers'
import { defineConfig } from '@adonisjs/core/http'
import { securityHeaders } from '#config/headers'

/**
 * Signs and encrypts cookies and signed URLs. Keep it secret: `npm run demo`
 * generates one into .env on a fresh machine.
 */
export const appKey = new Secret(env.get('APP_KEY'))

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  useAsyncLocalStorage: false,
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
