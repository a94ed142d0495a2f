import type { ApplicationService } from '@adonisjs/core/types'
import env from '#start/env'
import { DirectoryCache } from '#services/directory_cache'
import { DatabaseVersion } from '#services/cache_version'
import { MemoryCursorStore, RotationCursorStore } from '#services/placement/rotation'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { ClickDedupe, MemoryClickDedupe, RedisClickDedupe } from '#services/delivery/click_dedupe'
import { sharedStateInRedis } from '#services/shared/redis_mode'
import dbConfig, { SQLITE_BUSY_TIMEOUT_MS, sqlitePath } from '#config/database'

/** How long a cache entry may live at most (seconds): see the DirectoryCache binding. */
const DIRECTORY_CACHE_TTL_S = 600

/**
 * Container bindings of the app's own services. The state that processes
 * share (rotation, counters, click de-duplication, cache clears) lives in
 * memory for one process and in Redis when REDIS_HOST is set; the limiter
 * and session stores follow the same switch in their config files.
 */
export default class AppProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    const shared = sharedStateInRedis()
    const redisConnection = async () => {
      const redis = await this.app.container.make('redis')
      return redis.connection('main')
    }
    const ioRedis = async () => {
      const connection = await redisConnection()
      return connection.ioConnection
    }

    this.app.container.singleton(RotationCursorStore as any, async () => {
      if (!shared) return new MemoryCursorStore()
      const { RedisCursorStore } = await import('#services/placement/redis_cursor_store')
      return new RedisCursorStore(await ioRedis())
    })

    /**
     * Off in tests unless a test turns it on. Elsewhere every process watches the
     * directory's version in the database, so entries live until a change, however
     * the processes are run; the TTL only bounds what bypasses the app (SQL by hand).
     */
    this.app.container.singleton(DirectoryCache, async () => {
      const cache = new DirectoryCache(
        env.get('DIRECTORY_CACHE_TTL', this.app.inTest ? 0 : DIRECTORY_CACHE_TTL_S) * 1000
      )
      // Not awaited: until its first read the cache keeps nothing (see DirectoryCache#watch).
      if (!this.app.inTest) cache.watch(new DatabaseVersion('directory'))
      if (shared) {
        const { shareCacheClears } = await import('#services/shared/redis_state')
        shareCacheClears(cache, await redisConnection())
      }
      return cache
    })

    /**
     * One counter buffer per process; bin/server.ts flushes it: to Redis first when
     * shared; on SQLite, the web server's flushes are written by a thread of their own.
     */
    this.app.container.singleton(ImpressionCounter, async () => {
      if (shared) {
        const { RedisCounterStore } = await import('#services/delivery/redis_counter_store')
        return new ImpressionCounter(new RedisCounterStore(await ioRedis()))
      }
      if (this.app.getEnvironment() !== 'web' || dbConfig.connection !== 'sqlite') {
        return new ImpressionCounter()
      }
      const { SqliteThreadCounterStore } = await import('#services/delivery/sqlite_counter_writer')
      return new ImpressionCounter(new SqliteThreadCounterStore(sqlitePath, SQLITE_BUSY_TIMEOUT_MS))
    })

    this.app.container.singleton(ClickDedupe as any, async () =>
      shared ? new RedisClickDedupe(await ioRedis()) : new MemoryClickDedupe()
    )
  }

  /**
   * The reader pages' services keep no state of their own (it is all in the
   * singletons above), so outside tests each is built once, not for every
   * view. Tests build them per request, so that a test can swap what they
   * use (a fresh rotation, a failing directory).
   */
  async boot() {
    if (this.app.inTest) return
    const { default: DirectoryService } = await import('#services/directory_service')
    const { default: PageShells } = await import('#services/page_shells')
    const { default: PlacementService } = await import('#services/placement/placement_service')
    const { container } = this.app
    container.singleton(DirectoryService, async () => {
      return new DirectoryService(await container.make(DirectoryCache))
    })
    container.singleton(
      PageShells,
      async () => new PageShells(await container.make(DirectoryCache))
    )
    container.singleton(PlacementService, async () => {
      return new PlacementService(
        await container.make(RotationCursorStore as any),
        await container.make(DirectoryService),
        await container.make(DirectoryCache),
        await container.make(ImpressionCounter)
      )
    })
  }
}
