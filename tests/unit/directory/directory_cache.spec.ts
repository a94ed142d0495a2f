import { test } from '@japa/runner'
import { DirectoryCache } from '#services/directory_cache'

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
