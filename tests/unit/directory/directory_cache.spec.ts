import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { DirectoryCache } from '#services/directory_cache'
import { DatabaseVersion } from '#services/cache_version'
import { TopicFactory } from '#database/factories/topic_factory'
import { withDirectoryCache } from '#tests/helpers/directory'

test.group('Directory cache', () => {
  test('loads once per key within the TTL, and again after clear()', async ({ assert }) => {
    const cache = new DirectoryCache(60_000)
    let loads = 0
    const load = async () => ++loads

    assert.equal(await cache.remember('a', load), 1)
    assert.equal(await cache.remember('a', load), 1)
    assert.equal(await cache.remember('b', load), 2)
    cache.clear()
    assert.equal(await cache.remember('a', load), 3)
  })

  test('a TTL of 0 never caches', async ({ assert }) => {
    const cache = new DirectoryCache(0)
    let loads = 0
    await cache.remember('a', async () => ++loads)
    await cache.remember('a', async () => ++loads)
    assert.equal(loads, 2)
  })

  test('a failed load is not kept', async ({ assert }) => {
    const cache = new DirectoryCache(60_000)
    await assert.rejects(() => cache.remember('a', async () => Promise.reject(new Error('down'))))
    assert.equal(await cache.remember('a', async () => 'up'), 'up')
  })
})

test.group('Directory cache in the container', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(withDirectoryCache)

  test('is one per process, and a topic write clears it only when it commits', async ({
    assert,
  }) => {
    const cache = await app.container.make(DirectoryCache)
    assert.strictEqual(await app.container.make(DirectoryCache), cache)
    let loads = 0
    const load = async () => ++loads
    await cache.remember('topics', load)

    // As the services write: the model saved on their own transaction.
    const topic = await TopicFactory.make()
    await db.transaction(async (trx) => {
      await topic.useTransaction(trx).save()
      assert.equal(await cache.remember('topics', load), 1, 'cleared before the commit')
    })

    assert.equal(await cache.remember('topics', load), 2)
  })

  test('a rolled-back write leaves it as it was', async ({ assert }) => {
    const cache = await app.container.make(DirectoryCache)
    let loads = 0
    const load = async () => ++loads
    await cache.remember('topics', load)

    const topic = await TopicFactory.make()
    const trx = await db.transaction()
    await topic.useTransaction(trx).save()
    await trx.rollback()

    assert.equal(await cache.remember('topics', load), 1)
  })
})

/** `remember` until the value is not `stale` any more, for up to 2 s. */
async function rememberedOnceChanged(
  cache: DirectoryCache,
  load: () => Promise<number>,
  stale: number
) {
  const deadline = Date.now() + 2_000
  let value = await cache.remember('topics', load)
  while (value === stale && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    value = await cache.remember('topics', load)
  }
  return value
}

test.group('Directory cache across processes, through the database version', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('nothing is kept until the version is first read, and nobody waits for that read', async ({
    assert,
  }) => {
    // A version whose first read is slow (the database busy with a write).
    let answer: (version: number) => void = () => {}
    const source = {
      read: () => new Promise<number>((resolve) => (answer = resolve)),
      bump: async () => 1,
    }
    const cache = new DirectoryCache(60_000)
    const started = cache.watch(source, 60_000)
    let loads = 0
    const load = async () => ++loads

    assert.equal(await cache.remember('topics', load), 1)
    assert.equal(await cache.remember('topics', load), 2)

    answer(7)
    await started
    assert.equal(await cache.remember('topics', load), 3)
    assert.equal(await cache.remember('topics', load), 3)
  })

  test('a version that cannot be read keeps caching off until it can', async ({ assert }) => {
    let reachable = false
    const source = {
      read: async () => {
        if (!reachable) throw new Error('no such table: cache_versions')
        return 3
      },
      bump: async () => 4,
    }
    const cache = new DirectoryCache(60_000)
    await cache.watch(source, 20)
    let loads = 0
    const load = async () => ++loads
    assert.equal(await cache.remember('topics', load), 1)
    assert.equal(await cache.remember('topics', load), 2)

    reachable = true
    await new Promise((resolve) => setTimeout(resolve, 30))
    await cache.remember('topics', load) // starts the next read
    await new Promise((resolve) => setTimeout(resolve, 10))
    const kept = await cache.remember('topics', load)
    assert.equal(await cache.remember('topics', load), kept)
  })

  test('a clear in one process empties the cache of another within its check interval', async ({
    assert,
  }) => {
    // Two processes' caches: each watches the same version row, every 50 ms.
    const first = new DirectoryCache(60_000)
    const second = new DirectoryCache(60_000)
    await first.watch(new DatabaseVersion('directory'), 50)
    await second.watch(new DatabaseVersion('directory'), 50)
    let loads = 0
    const load = async () => ++loads

    assert.equal(await first.remember('topics', load), 1)
    await new Promise((resolve) => setTimeout(resolve, 120))
    assert.equal(await first.remember('topics', load), 1, 'nothing changed: kept past a check')

    await second.clear()
    assert.equal(await rememberedOnceChanged(first, load, 1), 2)
  })

  test('its own clear does not clear it a second time', async ({ assert }) => {
    const cache = new DirectoryCache(60_000)
    await cache.watch(new DatabaseVersion('directory'), 20)
    let loads = 0
    const load = async () => ++loads

    await cache.clear()
    assert.equal(await cache.remember('topics', load), 1)
    for (let check = 0; check < 5; check++) {
      await new Promise((resolve) => setTimeout(resolve, 30))
      assert.equal(await cache.remember('topics', load), 1)
    }
  })

  test('a write that another process commits reaches this one', async ({ assert }) => {
    // This process's cache, and the writer's (whose model events clear it), both watching.
    const reader = new DirectoryCache(60_000)
    await reader.watch(new DatabaseVersion('directory'), 20)
    const writer = new DirectoryCache(60_000)
    await writer.watch(new DatabaseVersion('directory'), 20)
    app.container.swap(DirectoryCache, () => writer)
    try {
      let loads = 0
      const load = async () => ++loads
      assert.equal(await reader.remember('topics', load), 1)

      const topic = await TopicFactory.make()
      await db.transaction(async (trx) => {
        await topic.useTransaction(trx).save()
      })
      assert.equal(await rememberedOnceChanged(reader, load, 1), 2)
    } finally {
      app.container.restore(DirectoryCache)
    }
  })
})
