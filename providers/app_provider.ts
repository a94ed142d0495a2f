import type { ApplicationService } from '@adonisjs/core/types'
import env from '#start/env'
import { DirectoryCache } from '#services/directory_cache'
import { MemoryCursorStore, RotationCursorStore } from '#services/placement/rotation'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { ClickDedupe, MemoryClickDedupe } from '#services/delivery/click_dedupe'
import { CapLedger } from '#services/delivery/cap_ledger'

/**
 * Container bindings of the app's own services.
 */
export default class AppProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    // One cursor store per process; the scale-out issue binds a Redis one here.
    this.app.container.singleton(RotationCursorStore as any, () => new MemoryCursorStore())

    // One directory cache per process; off in tests unless a test turns it on.
    this.app.container.singleton(
      DirectoryCache,
      () => new DirectoryCache(env.get('DIRECTORY_CACHE_TTL', this.app.inTest ? 0 : 30) * 1000)
    )

    // One counter buffer and one click memory per process; bin/server.ts flushes the counter.
    this.app.container.singleton(ImpressionCounter, () => new ImpressionCounter())
    this.app.container.singleton(ClickDedupe as any, () => new MemoryClickDedupe())
    // Impression caps across processes: leases of each capped booking's budget.
    this.app.container.singleton(CapLedger, () => new CapLedger())
  }
}
