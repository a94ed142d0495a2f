import { randomUUID } from 'node:crypto'
import type { RedisConnection } from '@adonisjs/redis'
import logger from '@adonisjs/core/services/logger'
import type { DirectoryCache } from '#services/directory_cache'

/**
 * Every process's directory cache is cleared when any process clears its
 * own: `clear()` publishes on one channel, and every other process drops
 * its entries when the message arrives. A published change therefore shows
 * on the next page view, whichever process serves it (the message takes
 * well under a millisecond on a local network; the TTL stays as a backstop
 * for a lost connection).
 */
export function shareCacheClears(cache: DirectoryCache, connection: RedisConnection) {
  const prefix = String(connection.ioConnection.options.keyPrefix ?? '')
  const channel = `${prefix}directory-cache:clear`
  const origin = randomUUID()
  cache.share(() => {
    connection.publish(channel, origin).catch((error) => {
      logger.error({ err: error }, 'announcing a directory cache clear failed')
    })
  })
  connection.subscribe(channel, (message: string) => {
    if (message !== origin) cache.clearLocal()
  })
}
