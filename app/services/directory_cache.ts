import app from '@adonisjs/core/services/app'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import env from '#start/env'

/**
 * Per-process cache for the hot reader paths (topic lookups, each topic's
 * published vendors). Every vendor or topic write in this process clears it
 * once its transaction commits (model hooks and refreshSearchText call
 * `directoryChanged`), so this process never serves what it knows is stale;
 * other processes catch up within the TTL. The scale-out issue can share
 * the invalidation through Redis.
 *
 * A TTL of 0 turns caching off (the default in tests, where every test
 * rolls back its own data).
 */
export class DirectoryCache {
  #entries = new Map<string, { expiresAt: number; value: Promise<unknown> }>()

  constructor(public ttlMs: number) {}

  remember<T>(key: string, loader: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return loader()
    const now = Date.now()
    const hit = this.#entries.get(key)
    if (hit && hit.expiresAt > now) return hit.value as Promise<T>

    const value = loader()
    this.#entries.set(key, { expiresAt: now + this.ttlMs, value })
    value.catch(() => this.#entries.delete(key))
    return value
  }

  clear() {
    this.#entries.clear()
  }
}

export const directoryCache = new DirectoryCache(
  env.get('DIRECTORY_CACHE_TTL', app.inTest ? 0 : 30) * 1000
)

/** Call after writing vendors, topics or their links; waits for the commit. */
export function directoryChanged(trx?: TransactionClientContract | null) {
  if (trx && !trx.isCompleted) {
    trx.after('commit', () => directoryCache.clear())
    return
  }
  directoryCache.clear()
}
