import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import sharp from 'sharp'
import drive from '@adonisjs/drive/services/main'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import DomainError from '#exceptions/domain_error'

/** An image ad may weigh at most this much. */
export const MAX_CREATIVE_BYTES = 300 * 1024

export const CREATIVE_IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp'] as const

const OUTPUT = {
  png: { extension: 'png', contentType: 'image/png' },
  jpeg: { extension: 'jpg', contentType: 'image/jpeg' },
  webp: { extension: 'webp', contentType: 'image/webp' },
} as const

export type CreativeUpload = { content: Buffer }

export type CheckedImage = { content: Buffer; extension: string; contentType: string }

/** The multipart field as an upload; a missing field is null. */
export async function creativeUploadOf(
  file: MultipartFile | null | undefined
): Promise<CreativeUpload | null> {
  if (!file?.tmpPath) return null
  return { content: await readFile(file.tmpPath) }
}

/**
 * An image ad must be a PNG, JPEG or WebP (by its content, whatever its
 * name says), at most 300 kB, and exactly the slot's format in pixels.
 */
export async function checkCreativeImage(
  upload: CreativeUpload | null,
  size: { width: number; height: number }
): Promise<CheckedImage> {
  if (!upload || upload.content.length === 0) throw new DomainError('bookings.errors.image_missing')
  if (upload.content.length > MAX_CREATIVE_BYTES) {
    throw new DomainError('bookings.errors.image_too_large')
  }
  const metadata = await sharp(upload.content)
    .metadata()
    .catch(() => null)
  const format = metadata?.format
  if (format !== 'png' && format !== 'jpeg' && format !== 'webp') {
    throw new DomainError('bookings.errors.image_type')
  }
  if (metadata!.width !== size.width || metadata!.height !== size.height) {
    throw new DomainError('bookings.errors.image_size', {
      width: size.width,
      height: size.height,
      actualWidth: metadata!.width ?? 0,
      actualHeight: metadata!.height ?? 0,
    })
  }
  return { content: upload.content, ...OUTPUT[format] }
}

/** Image ads on the uploads disk, under a key nobody can guess. */
export async function storeCreativeImage(image: CheckedImage): Promise<string> {
  const key = `creatives/${randomBytes(12).toString('hex')}.${image.extension}`
  await drive.use().put(key, image.content, { contentType: image.contentType })
  return key
}

/** Best effort: a leftover file harms no one. */
export async function removeCreativeImage(key: string | null) {
  if (!key) return
  try {
    await drive.use().delete(key)
  } catch {
    // Already gone.
  }
}
