import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { createUser } from '#tests/helpers/users'
import { ownedVendor } from '#tests/helpers/vendor_accounts'
import { pendingRevision } from '#tests/functional/editorial/fixtures'

/**
 * The owner and the editors look at the same revision: both pages show its
 * time in Berlin, with the zone, whatever zone the server runs in.
 */
test.group('Times are Berlin time on every page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    const zone = process.env.TZ
    // A server in UTC, as in most containers: Berlin is one or two hours ahead.
    process.env.TZ = 'UTC'
    return () => {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  test('a revision of {0} shows {1} to the owner and to the editors')
    .with([
      ['2026-01-15T01:52:00Z', '02:52 MEZ', '02:52 CET'],
      ['2026-07-15T01:52:00Z', '03:52 MESZ', '03:52 CEST'],
    ] as const)
    .run(async ({ client, assert }, [createdAt, german, english]) => {
      const { vendor, owner } = await ownedVendor()
      await pendingRevision(vendor, owner, { city: 'Halle (Saale)' }, DateTime.fromISO(createdAt))
      const editor = await createUser({ role: 'editor', locale: 'de' })
      const englishEditor = await createUser({ role: 'editor', locale: 'en' })

      const ownerPage = await client
        .get(urlFor('account.vendors.show', { id: vendor.id }))
        .loginAs(owner)
      ownerPage.assertStatus(200)
      ownerPage.assertTextIncludes(german)

      const queue = await client.get(urlFor('editorial.queue')).loginAs(editor)
      queue.assertStatus(200)
      queue.assertTextIncludes(german)
      assert.include(queue.text(), `datetime="${DateTime.fromISO(createdAt).toUTC().toISO()}"`)

      const englishQueue = await client.get(urlFor('editorial.queue')).loginAs(englishEditor)
      englishQueue.assertTextIncludes(english)
    })
})
