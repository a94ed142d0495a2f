import { urlFor } from '@adonisjs/core/services/url_builder'

/** An image ad's drive key as a URL, served like logos under /uploads. */
export function creativeImageUrl(key: string | null): string | null {
  return key ? urlFor('drive.fs.serve', { '*': key.split('/') }) : null
}
