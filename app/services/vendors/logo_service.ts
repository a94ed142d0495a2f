import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import sharp from 'sharp'
import drive from '@adonisjs/drive/services/main'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import DomainError from '#exceptions/domain_error'

export const MAX_LOGO_BYTES = 2 * 1024 * 1024
export const MAX_LOGO_PIXELS = 400
/**
 * The largest side of an uploaded image. It is checked on the header
 * (sharp's metadata() does not decode the pixels), so a huge image never
 * reaches the decoder; limitInputPixels is the decoder's own backstop.
 */
export const MAX_UPLOAD_SIDE = 4000
const SHARP_INPUT = { limitInputPixels: MAX_UPLOAD_SIDE * MAX_UPLOAD_SIDE }

export type LogoFormat = 'png' | 'jpeg' | 'webp'

/** Why a file is refused; each has its own message (vendor_account.logo.errors.*). */
type LogoProblem = 'missing' | 'too_large' | 'dimensions' | 'svg' | 'wrong_type' | 'mismatch'

function refused(problem: LogoProblem) {
  return new DomainError(`vendor_account.logo.errors.${problem}`)
}

/** What the upload claims to be, and what it is. */
export type LogoUpload = {
  clientName: string
  /** The part's Content-Type header, as the browser sent it. */
  contentType?: string | null
  content: Buffer
}

export type PreparedLogo = {
  buffer: Buffer
  format: LogoFormat
  extension: string
  contentType: string
}

const FORMAT_BY_EXTENSION: Record<string, LogoFormat> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
}
const FORMAT_BY_MIME: Record<string, LogoFormat> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/webp': 'webp',
}
const OUTPUT: Record<LogoFormat, { extension: string; contentType: string }> = {
  png: { extension: 'png', contentType: 'image/png' },
  jpeg: { extension: 'jpg', contentType: 'image/jpeg' },
  webp: { extension: 'webp', contentType: 'image/webp' },
}

/** SVG can carry scripts; it is refused however it is named. */
function looksLikeSvg(upload: LogoUpload, extension: string) {
  if (extension === 'svg' || extension === 'svgz') return true
  if (upload.contentType?.toLowerCase().startsWith('image/svg')) return true
  const head = upload.content
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
  return head.startsWith('<') && /<svg[\s>]/i.test(head)
}

/** The multipart field as an upload to check; a missing field is an empty upload. */
export async function logoUploadOf(file: MultipartFile | null): Promise<LogoUpload> {
  if (!file?.tmpPath) return { clientName: '', contentType: null, content: Buffer.alloc(0) }
  return {
    clientName: file.clientName,
    contentType: file.headers['content-type'] ?? null,
    content: await readFile(file.tmpPath),
  }
}

/**
 * Checks a logo and scales it to at most 400 × 400 px, keeping its format.
 * The content decides what the file is (sharp reads it); a file whose name
 * or declared type says otherwise is refused. Metadata (EXIF) is dropped.
 */
export async function prepareLogo(upload: LogoUpload): Promise<PreparedLogo> {
  if (upload.content.length === 0) throw refused('missing')
  if (upload.content.length > MAX_LOGO_BYTES) throw refused('too_large')

  const extension = extname(upload.clientName).slice(1).toLowerCase()
  if (looksLikeSvg(upload, extension)) throw refused('svg')

  const claimed = FORMAT_BY_EXTENSION[extension]
  if (!claimed) throw refused('wrong_type')
  const declared = upload.contentType ? FORMAT_BY_MIME[upload.contentType.toLowerCase()] : undefined
  if (declared && declared !== claimed) throw refused('mismatch')

  // The header only: no pixel is decoded here, so no pixel limit applies yet.
  const header = await sharp(upload.content, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined)
  const detected = header?.format
  if (detected === 'svg') throw refused('svg')
  if (detected !== claimed) throw refused('mismatch')
  if ((header?.width ?? 0) > MAX_UPLOAD_SIDE || (header?.height ?? 0) > MAX_UPLOAD_SIDE) {
    throw refused('dimensions')
  }

  const buffer = await sharp(upload.content, SHARP_INPUT)
    .rotate()
    .resize({
      width: MAX_LOGO_PIXELS,
      height: MAX_LOGO_PIXELS,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .toFormat(claimed)
    .toBuffer()
  return { buffer, format: claimed, ...OUTPUT[claimed] }
}

/**
 * Logos on the uploads disk (@adonisjs/drive). The key is what
 * vendors.logo_path and revisions hold; logoUrl() (logo_url.ts) turns it
 * into a URL.
 * Every upload gets a new key, so a pending revision never overwrites
 * the file of the published logo.
 */
export default class LogoService {
  async store(vendorId: number, upload: LogoUpload): Promise<string> {
    const logo = await prepareLogo(upload)
    const key = `logos/${vendorId}-${randomBytes(8).toString('hex')}.${logo.extension}`
    await drive.use().put(key, logo.buffer, { contentType: logo.contentType })
    return key
  }

  /** Best effort: a file that is already gone is fine. */
  async remove(key: string | null) {
    if (!key) return
    try {
      await drive.use().delete(key)
    } catch {
      // Nothing refers to the key any more; a leftover file harms no one.
    }
  }
}
