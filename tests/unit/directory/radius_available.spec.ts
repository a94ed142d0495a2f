import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import DirectoryService from '#services/directory_service'
import { DirectoryCache } from '#services/directory_cache'
import { PostalCodeFactory } from '#database/factories/postal_code_factory'
import { withDirectoryCache } from '#tests/helpers/directory'

test.group('Radius availability', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('without the cache, it follows the postal_codes table', async ({ assert }) => {
    const directory = await app.container.make(DirectoryService)
    assert.isFalse(await directory.radiusAvailable())
    await PostalCodeFactory.create()
    assert.isTrue(await directory.radiusAvailable())
  })

  test('with the cache, the answer is kept until the cache expires or clears', async ({
    assert,
    cleanup,
  }) => {
    cleanup(await withDirectoryCache())
    const directory = await app.container.make(DirectoryService)
    const cache = await app.container.make(DirectoryCache)
    assert.isFalse(await directory.radiusAvailable())

    // An import by `geo:import` runs in another process: this one answers from its cache...
    await PostalCodeFactory.create()
    assert.isFalse(await directory.radiusAvailable())

    // ...until its TTL runs out (here: cleared).
    cache.clear()
    assert.isTrue(await directory.radiusAvailable())
  })
})
