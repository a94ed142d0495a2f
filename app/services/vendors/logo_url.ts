import { urlFor } from '@adonisjs/core/services/url_builder'

/**
 * A logo's drive key as a URL. The uploads disk serves its files through
 * the route that @adonisjs/drive registers (config/drive.ts).
 */
export function logoUrl(key: string | null): string | null {
  return key ? urlFor('drive.fs.serve', { '*': key.split('/') }) : null
}
