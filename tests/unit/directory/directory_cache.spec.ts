import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { DirectoryCache } from '#services/directory_cache'
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
