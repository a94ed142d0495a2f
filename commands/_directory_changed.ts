import type { ApplicationService } from '@adonisjs/core/types'
import { DirectoryCache } from '#services/directory_cache'

/**
 * For commands that write the directory with SQL of their own, past the
 * model events: running servers drop what they cached of it (they see the
 * directory's version move within a second).
 */
export async function announceDirectoryChange(app: ApplicationService) {
  const cache = await app.container.make(DirectoryCache)
  await cache.clear()
}
