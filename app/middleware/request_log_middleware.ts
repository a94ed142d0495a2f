import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Sends the request id back as `X-Request-Id` (the proxy's own id when it
 * sent one, else a new one: config/app.ts `generateRequestId`), and writes
 * one log line per request once its response is out: method, path (never
 * the query string, which may carry signatures or tokens), status and
 * duration. `ctx.logger` carries `request_id` on every line a request logs.
 * The line is skipped when the logger's level is above `info` (tests).
 */
export default class RequestLogMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const id = ctx.request.id()
    if (id) ctx.response.header('X-Request-Id', id)
    if (ctx.logger.isLevelEnabled('info')) {
      const started = performance.now()
      const { request } = ctx
      ctx.response.response.once('finish', () => {
        ctx.logger.info(
          {
            method: request.method(),
            url: request.url(false),
            status: ctx.response.response.statusCode,
            durationMs: Math.round((performance.now() - started) * 100) / 100,
          },
          'request'
        )
      })
    }
    return next()
  }
}
