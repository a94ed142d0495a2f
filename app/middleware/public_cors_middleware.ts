import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Cross-origin reads of a public, cookie-free GET endpoint (the placement
 * API that /embed.js calls from other sites): any origin may read the
 * answer, errors included, but never with credentials (no
 * Access-Control-Allow-Credentials), and only plain GETs (no preflight is
 * answered). Set before the handler, so error answers carry it too.
 */
export default class PublicCorsMiddleware {
  async handle({ response }: HttpContext, next: NextFn) {
    response.header('Access-Control-Allow-Origin', '*')
    return next()
  }
}
