import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import app from '@adonisjs/core/services/app'
import BodyParserMiddleware from '@adonisjs/core/bodyparser_middleware'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { Exception } from '@adonisjs/core/exceptions'
import { multipartRoutes, multipartUploadsDir } from '#config/bodyparser'
import { isJsonApi } from '#services/json_api'

/** Deeper JSON than any of our shapes needs is refused before it reaches validators. */
const MAX_JSON_DEPTH = 32

/**
 * The request body: AdonisJS's body parser (config/bodyparser.ts), and
 * which bodies a route takes. Router middleware, in place of the parser:
 * - a body that does not parse (malformed or too deeply nested JSON) is a
 *   plain 400 whose message says nothing of the parser's;
 * - multipart only on the upload routes named in config/bodyparser.ts
 *   (`multipartRoutes`); anywhere else it is refused with 415 before a
 *   byte reaches the disk. Accepted parts are written to the upload temp
 *   folder and deleted when the request ends, refused uploads included.
 *   It runs before the route's own middleware, so Shield finds the CSRF
 *   field of an upload form;
 * - the JSON API's writes take JSON (or multipart on an upload route).
 */
export default class RequestBodyMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const parser = await app.container.make(BodyParserMiddleware)
    let parsed = false
    try {
      return await parser.handle(ctx, () => {
        parsed = true
        return this.checked(ctx, next)
      })
    } catch (error) {
      if (parsed || !isParseError(error)) throw error
      throw malformedBody()
    }
  }

  private async checked(ctx: HttpContext, next: NextFn) {
    const type = ctx.request.bodyType
    if (type === undefined) return next()

    const uploadRoute = !!ctx.route?.name && multipartRoutes.has(ctx.route.name)
    if (type === 'multipart') {
      if (!uploadRoute) throw unsupportedMediaType()
      return this.withUploads(ctx, next)
    }
    // A body without a Content-Type is left unread; a declared non-JSON one is refused.
    const declared = !!ctx.request.header('content-type')
    if (isJsonApi(ctx) && declared && type !== 'json') {
      throw unsupportedMediaType()
    }
    if (type === 'json' && depthOf(ctx.request.body()) > MAX_JSON_DEPTH) throw malformedBody()
    return next()
  }

  private async withUploads(ctx: HttpContext, next: NextFn) {
    const written: string[] = []
    try {
      await mkdir(multipartUploadsDir, { recursive: true })
      const multipart = ctx.request.multipart
      multipart.onFile('*', { deferValidations: true }, async (part, reportChunk) => {
        const tmpPath = join(multipartUploadsDir, randomUUID())
        written.push(tmpPath)
        part.pause()
        part.on('data', reportChunk)
        try {
          await pipeline(part, createWriteStream(tmpPath))
        } catch (error) {
          multipart.abort(error)
        }
        return { tmpPath }
      })
      await multipart.process()
      return await next()
    } finally {
      await Promise.all(written.map((path) => unlink(path).catch(() => {})))
    }
  }
}

function unsupportedMediaType() {
  return new Exception('Unsupported media type', { status: 415, code: 'E_UNSUPPORTED_MEDIA_TYPE' })
}

function malformedBody() {
  return new Exception('Malformed request body', { status: 400, code: 'E_MALFORMED_BODY' })
}

/**
 * The parser's own refusals of a body's syntax: JSON.parse's SyntaxError,
 * a RangeError of a too deep body, non-object JSON (422 there). Size and
 * encoding refusals (413, 415) keep their status.
 */
function isParseError(error: unknown): boolean {
  if (error instanceof SyntaxError || error instanceof RangeError) return true
  const status = (error as { status?: unknown })?.status
  const code = (error as { code?: unknown })?.code
  return (status === 400 || status === 422) && code !== 'E_REQUEST_ABORTED'
}

/** How deeply arrays and objects nest, counted without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (node === null || typeof node !== 'object') continue
    deepest = Math.max(deepest, depth + 1)
    if (deepest > MAX_JSON_DEPTH) return deepest
    for (const child of Object.values(node)) stack.push([child, depth + 1])
  }
  return deepest
}
