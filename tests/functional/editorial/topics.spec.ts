import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditLog from '#models/audit_log'
import Topic from '#models/topic'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { topic } from './fixtures.js'

async function orderedSlugs() {
  const topics = await Topic.query().withScopes((scopes) => scopes.ordered())
  return topics.map((row) => row.slug)
}

test.group('Editorial / topics', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('editors see the topics in order with their published vendor counts', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const social = await topic('social-media', 'Social Media', 2)
    await topic('e-government', 'E-Government', 1)
    await createVendor({}, [social])
    await createVendor({ status: 'draft' }, [social])

    const response = await client.get(urlFor('editorial.topics.index')).loginAs(editor)

    response.assertStatus(200)
    const html = response.text()
    assert.isBelow(
      html.indexOf('data-topic="e-government"'),
      html.indexOf('data-topic="social-media"')
    )
    const row = html.slice(html.indexOf('data-topic="social-media"'))
    assert.match(row, /<td>1<\/td>/)
  })

  test('a new topic gets a slug from its name and the last position; names are unique', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    await topic('social-media', 'Social Media', 1)

    const response = await client
      .post(urlFor('editorial.topics.store'))
      .form({ name: 'Bürgerservice & Beteiligung', description: 'Alles rund ums Bürgeramt.' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', urlFor('editorial.topics.index'))
    const created = await Topic.findByOrFail('slug', 'buergerservice-beteiligung')
    assert.equal(created.name, 'Bürgerservice & Beteiligung')
    assert.equal(created.description, 'Alles rund ums Bürgeramt.')
    assert.equal(created.position, 2)
    const entry = await AuditLog.query().where('action', 'topic.create').firstOrFail()
    assert.equal(entry.subjectId, created.id)
    assert.deepInclude(entry.after!, { slug: 'buergerservice-beteiligung' })

    const duplicate = await client
      .post(urlFor('editorial.topics.store'))
      .form({ name: 'social media' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    duplicate.assertFlashMessage('inputErrorsBag', {
      name: ['Es gibt schon ein Thema mit diesem Namen.'],
    })
    assert.lengthOf(await Topic.all(), 2)

    const topicPage = await client.get(
      urlFor('topics.show', { slug: 'buergerservice-beteiligung' })
    )
    topicPage.assertStatus(200)
  })

  test('renaming keeps the slug, is audited, and search finds vendors by the new name', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const geo = await topic('geodaten', 'Geodaten', 1)
    const vendor = await createVendor({ slug: 'karten-gmbh', name: 'Karten GmbH' }, [geo])

    const before = await client.get(urlFor('api.v1.vendors.index', [], { qs: { q: 'raumbezug' } }))
    assert.lengthOf(before.body().data, 0)

    const edit = await client.get(urlFor('editorial.topics.edit', { id: geo.id })).loginAs(editor)
    edit.assertStatus(200)
    edit.assertTextIncludes('value="Geodaten"')

    const response = await client
      .post(urlFor('editorial.topics.update', { id: geo.id }))
      .form({ name: 'Raumbezug und Geodaten', description: 'Karten, GIS und Vermessung.' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', urlFor('editorial.topics.index'))
    await geo.refresh()
    assert.equal(geo.slug, 'geodaten')
    assert.equal(geo.name, 'Raumbezug und Geodaten')
    assert.equal(geo.description, 'Karten, GIS und Vermessung.')

    const after = await client.get(urlFor('api.v1.vendors.index', [], { qs: { q: 'raumbezug' } }))
    assert.deepEqual(
      after.body().data.map((hit: { slug: string }) => hit.slug),
      [vendor.slug]
    )
    const page = await client.get(urlFor('topics.show', { slug: 'geodaten' }))
    page.assertTextIncludes('Raumbezug und Geodaten')

    const entry = await AuditLog.query().where('action', 'topic.update').firstOrFail()
    assert.deepEqual(entry.before, { name: 'Geodaten', description: '' })
    assert.deepEqual(entry.after, {
      name: 'Raumbezug und Geodaten',
      description: 'Karten, GIS und Vermessung.',
    })

    const same = await client
      .post(urlFor('editorial.topics.update', { id: geo.id }))
      .form({ name: 'raumbezug und geodaten', description: '' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    same.assertHeader('location', urlFor('editorial.topics.index'))
  })

  test('moving a topic up or down changes the order on the home page', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    await topic('a', 'Alpha', 1)
    const beta = await topic('b', 'Beta', 2)
    await topic('c', 'Gamma', 3)

    await client
      .post(urlFor('editorial.topics.move', { id: beta.id }))
      .form({ direction: 'up' })
      .loginAs(editor)
      .withCsrfToken()
    assert.deepEqual(await orderedSlugs(), ['b', 'a', 'c'])

    await client
      .post(urlFor('editorial.topics.move', { id: beta.id }))
      .form({ direction: 'down' })
      .loginAs(editor)
      .withCsrfToken()
    await client
      .post(urlFor('editorial.topics.move', { id: beta.id }))
      .form({ direction: 'down' })
      .loginAs(editor)
      .withCsrfToken()
    assert.deepEqual(await orderedSlugs(), ['a', 'c', 'b'])

    // The last one cannot go further down: nothing changes.
    await client
      .post(urlFor('editorial.topics.move', { id: beta.id }))
      .form({ direction: 'down' })
      .loginAs(editor)
      .withCsrfToken()
    assert.deepEqual(await orderedSlugs(), ['a', 'c', 'b'])

    const homePage = await client.get(urlFor('home'))
    const home = homePage.text()
    assert.isBelow(home.indexOf('Gamma'), home.indexOf('Beta'))

    const moves = await AuditLog.query().where('action', 'topic.move').orderBy('id', 'asc')
    assert.deepEqual(
      moves.map((entry) => [entry.before, entry.after]),
      [
        [{ position: 2 }, { position: 1 }],
        [{ position: 1 }, { position: 2 }],
        [{ position: 2 }, { position: 3 }],
      ]
    )
  })
})
