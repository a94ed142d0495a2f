import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Per-process cache for the hot reader paths (topic lookups, each topic's
 * published vendors), one per process: providers/app_provider.ts binds it
 * as a singleton. Every vendor or topic write in this process clears it once
 * its transaction commits (the DirectoryChanged event, see
 * app/listeners/clear_directory_cache.ts), so this process never serves
 * what it knows is stale. With REDIS_HOST set, every clear reaches every
 * other process through Redis pub/sub (`share`); without it, other processes
 * catch up within the TTL.
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

  /**
   * `remember` for keys that readers choose (search words, pages): the
   * entries live in one group that expires and clears as a whole, and the
   * group keeps at most `maxEntries` of them, dropping the oldest first, so
   * no stream of odd queries can grow the process.
   */
  async rememberWithin<T>(
    group: string,
    key: string,
    maxEntries: number,
    loader: () => Promise<T>
  ): Promise<T> {
    if (this.ttlMs <= 0) return loader()
    const entries = await this.remember(group, async () => new Map<string, Promise<T>>())
    const hit = entries.get(key)
    if (hit) return hit

    const value = loader()
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
    entries.set(key, value)
    value.catch(() => entries.delete(key))
    return value
  }

  /** Drops every entry here and, when shared, in every other process too. */
  clear() {
    this.#entries.clear()
    this.#shared?.publish()
  }

  /** Drops every entry of this process only (a clear announced by another process). */
  clearLocal() {
    this.#entries.clear()
  }

  #shared: { publish(): void } | null = null

  /**
   * Announces every `clear()` to the other processes through `publish`
   * (REDIS_HOST set: Redis pub/sub, see app/services/shared/redis_state.ts,
   * which also calls `clearLocal()` for theirs).
   */
  share(publish: () => void) {
    this.#shared = { publish }
  }

  /** Clears once `trx` commits, so no reader caches what may still roll back; at once without one. */
  clearAfterCommit(trx?: TransactionClientContract | null) {
    if (trx && !trx.isCompleted) {
      trx.after('commit', () => this.clear())
      return
    }
    this.clear()
  }
}
