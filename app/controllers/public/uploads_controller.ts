import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'

/** A decoded path segment that could leave the uploads folder or name a hidden file. */
function unsafeSegment(segment: string): boolean {
  if (!segment || segment.startsWith('.')) return true
  return [...segment].some((char) => '/\\:'.includes(char) || char < ' ' || char === '\u007f')
}

/**
 * Public files of the uploads disk (logos), under /uploads. Only plain
 * segments are looked up: `..`, encoded slashes and backslashes, NUL and
 * other control characters, and hidden files answer 404 without touching
 * the disk; a malformed percent-encoding answers 400.
 */
export default class UploadsController {
  async show({ params, request, response, i18n }: HttpContext) {
    const segments = decodeSegments(params['*'] as string[])
    if (!segments) return response.badRequest(i18n.t('http.bad_path'))
    if (!segments.length || segments.some(unsafeSegment)) {
      return response.notFound(i18n.t('errors.not_found.title'))
    }

    const key = segments.join('/')
    const disk = drive.use()
    if (!(await disk.exists(key))) return response.notFound(i18n.t('errors.not_found.title'))

    const metadata = await disk.getMetaData(key)
    response.header('ETag', metadata.etag)
    response.header('Last-Modified', metadata.lastModified.toUTCString())
    if (metadata.contentType) response.type(metadata.contentType)
    if (response.fresh()) return response.status(304)
    if (request.method() === 'HEAD') return response.status(200)
    response.header('Content-Length', String(metadata.contentLength))
    return response.stream(await disk.getStream(key))
  }
}

/** The wildcard's segments, percent-decoded; null when one does not decode. */
function decodeSegments(raw: string[]): string[] | null {
  try {
    return raw.map((segment) => decodeURIComponent(segment))
  } catch {
    return null
  }
}
