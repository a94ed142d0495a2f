import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import type { VersionSource } from '#services/cache_version'

/**
 * Per-process cache for the hot reader paths (topic lookups, each topic's
 * published vendors), one per process: providers/app_provider.ts binds it
 * as a singleton. Every vendor or topic write in this process clears it once
 * its transaction commits (the DirectoryChanged event, see
 * app/listeners/clear_directory_cache.ts), so this process never serves
 * what it knows is stale. Other processes learn of the clear in two ways:
 * - through the database (`watch`): a clear moves the directory's version,
 *   and every process that sees it move, at most a second later, clears too;
 * - with REDIS_HOST set, at once through Redis pub/sub (`share`).
 *
 * Entries are kept until a clear, or for the TTL at most: a backstop for
 * writes that bypass the app (SQL by hand). A TTL of 0 turns caching off
 * (the default in tests, where every test rolls back its own data).
 */
export class DirectoryCache {
  #entries = new Map<string, { expiresAt: number; value: Promise<unknown> }>()

  constructor(public ttlMs: number) {}

  remember<T>(key: string, loader: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return loader()
    const now = Date.now()
    if (this.#watch) {
      this.#watch.check(now)
      // Nothing is kept before the version is known, so nothing kept can predate it.
      if (!this.#watch.ready) return loader()
    }
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

  /**
   * Drops every entry here and, in time, in every other process too. The
   * promise settles once the other processes can know (the version is
   * moved); it never rejects (a failure is logged).
   */
  clear(): Promise<void> {
    this.#entries.clear()
    this.#shared?.publish()
    return this.#watch?.moved() ?? Promise.resolve()
  }

  /** Drops every entry of this process only (a clear announced by another process). */
  clearLocal() {
    this.#entries.clear()
  }

  #shared: { publish(): void } | null = null
  #watch: VersionWatch | null = null

  /**
   * Clears this cache whenever `source` (the database's directory version)
   * has moved since it was last read, looking at most every `everyMs`; and
   * moves it on every `clear()`. Until the version is first read, nothing
   * is kept. The promise settles with that first read; nothing needs to
   * wait for it (a write's listener that did would hold the transaction
   * that the read waits behind, on SQLite's one connection).
   */
  watch(source: VersionSource, everyMs = 1000): Promise<void> {
    const watch = new VersionWatch(source, everyMs, () => this.clearLocal())
    this.#watch = watch
    return watch.check(Date.now())
  }

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

/**
 * Reads the version now and then, without ever holding a reader: the read
 * runs beside the request that started it, which is served from the cache
 * as it is (at most `everyMs` stale, like a message that is on its way).
 */
class VersionWatch {
  /** The version this process's entries are up to; null until it could be read. */
  #known: number | null = null
  #lastCheck = Number.NEGATIVE_INFINITY
  #checking = false

  constructor(
    private source: VersionSource,
    private everyMs: number,
    private onMoved: () => void
  ) {}

  get ready() {
    return this.#known !== null
  }

  check(now: number): Promise<void> {
    if (this.#checking || now - this.#lastCheck < this.everyMs) return Promise.resolve()
    this.#checking = true
    this.#lastCheck = now
    return this.source
      .read()
      .then((version) => {
        if (version === this.#known) return
        const first = this.#known === null
        this.#known = version
        // The first read starts the watch: nothing was kept before it.
        if (!first) this.onMoved()
      })
      .catch((error) => logger.warn({ err: error }, 'reading the directory version failed'))
      .finally(() => {
        this.#checking = false
      })
  }

  /** This process cleared: the version moves, and this process is up to it unless another moved it too. */
  async moved() {
    const before = this.#known
    try {
      const version = await this.source.bump()
      if (before !== null && version === before + 1 && this.#known === before) this.#known = version
    } catch (error) {
      logger.error(
        { err: error },
        'moving the directory version failed; other processes catch up within the TTL'
      )
    }
  }
}
