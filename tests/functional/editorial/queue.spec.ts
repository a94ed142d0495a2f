import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { pendingClaim, pendingRevision, pendingVendor } from './fixtures.js'

test.group('Editorial / queue', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists new vendors, revisions and claims in one queue, oldest first', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser({ name: 'Olga Owner' })
    const author = await createUser({ name: 'Arne Author' })
    const claimant = await createUser({ name: 'Clara Claimant' })
    const base = DateTime.fromISO('2026-03-01T10:00:00Z')

    const published = await createVendor({ name: 'Published GmbH' })
    const orphan = await createVendor({ name: 'Orphan AG' })
    const fresh = await pendingVendor(owner, base.plus({ hours: 2 }), { name: 'Fresh KG' })
    const revision = await pendingRevision(
      published,
      author,
      { city: 'Halle' },
      base.plus({ hours: 1 })
    )
    const claim = await pendingClaim(orphan, claimant, null, base)
    const later = await pendingVendor(owner, base.plus({ hours: 3 }), { name: 'Later eG' })

    const response = await client.get(urlFor('editorial.queue')).loginAs(editor)

    response.assertStatus(200)
    const html = response.text()
    const order = [
      `claim-${claim.id}`,
      `revision-${revision.id}`,
      `vendor-${fresh.id}`,
      `vendor-${later.id}`,
    ].map((key) => html.indexOf(`data-queue-item="${key}"`))
    assert.isTrue(
      order.every((index) => index > 0),
      'every item is listed'
    )
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order
    )
    response.assertTextIncludes('Clara Claimant')
    response.assertTextIncludes('Arne Author')
    response.assertTextIncludes('Olga Owner')
    response.assertTextIncludes(`href="${urlFor('editorial.claims.show', { id: claim.id })}"`)
    response.assertTextIncludes(`href="${urlFor('editorial.revisions.show', { id: revision.id })}"`)
    response.assertTextIncludes(`href="${urlFor('editorial.vendors.show', { id: fresh.id })}"`)
  })

  test('an empty queue says so', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    await createVendor({ name: 'Fertig GmbH' })

    const response = await client.get(urlFor('editorial.queue')).loginAs(editor)

    response.assertStatus(200)
    response.assertTextIncludes('Nichts zu prüfen. Die Prüfliste ist leer.')
    assert.notInclude(response.text(), 'data-queue-item=')
  })

  test('in English for editors who chose English', async ({ client }) => {
    const editor = await createUser({ role: 'editor', locale: 'en' })

    const response = await client.get(urlFor('editorial.queue')).loginAs(editor)

    response.assertStatus(200)
    response.assertTextIncludes('<h1>Review queue</h1>')
    response.assertTextIncludes('Nothing to review.')
  })
})
