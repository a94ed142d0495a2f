import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditLog from '#models/audit_log'
import NewsItem from '#models/news_item'
import { TopicFactory } from '#database/factories/topic_factory'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { createNews } from '#tests/helpers/news'

function form(topicId: number, overrides: Record<string, unknown> = {}) {
  return {
    kicker: 'Dresden:',
    title: 'Stadt nutzt Threads und WhatsApp',
    publishedOn: '2024-02-06',
    teaser: 'Die Stadt ist auf zwei weiteren Kanälen zu finden.',
    body: 'Erster Absatz.\n\nZweiter Absatz.',
    mainTopicId: String(topicId),
    keywords: 'Social Media, Dresden',
    sourceLinks: 'Stadt Dresden | https://www.dresden.de\nhttps://www.example.org/',
    imageCredit: 'Stadt Dresden',
    ...overrides,
  }
}

function routes(id: number): [method: 'get' | 'post', url: string][] {
  return [
    ['get', urlFor('editorial.news.index')],
    ['get', urlFor('editorial.news.create')],
    ['post', urlFor('editorial.news.store')],
    ['get', urlFor('editorial.news.edit', { id })],
    ['post', urlFor('editorial.news.update', { id })],
    ['post', urlFor('editorial.news.publish', { id })],
    ['post', urlFor('editorial.news.unpublish', { id })],
    ['post', urlFor('editorial.news.reject', { id })],
  ]
}

test.group('News / editorial desk', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('guests go to the log-in page, members get 403, and nothing changes', async ({
    client,
    assert,
  }) => {
    const member = await createUser()
    const topic = await TopicFactory.create()
    const item = await createNews({ status: 'pending', title: 'Wartet' }, [topic])

    for (const [method, url] of routes(item.id)) {
      const guest = await client[method](url)
        .form({ ...form(topic.id), reason: 'Nein' })
        .withCsrfToken()
        .redirects(0)
      guest.assertStatus(302)
      assert.equal(guest.header('location'), urlFor('auth.login'), `${method} ${url}`)

      const refused = await client[method](url)
        .form({ ...form(topic.id), reason: 'Nein' })
        .loginAs(member)
        .withCsrfToken()
      refused.assertStatus(403)
    }
    await item.refresh()
    assert.equal(item.status, 'pending')
    assert.equal(item.title, 'Wartet')
    assert.lengthOf(await NewsItem.all(), 1)
    assert.lengthOf(await AuditLog.all(), 0)
  })

  test('an editor creates a draft with topics, keywords and sources, then publishes it', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const social = await TopicFactory.merge({ name: 'Social Media', slug: 'social-media' }).create()
    const open = await TopicFactory.create()

    const created = await client
      .post(urlFor('editorial.news.store'))
      .form({ ...form(social.id), topicIds: [String(open.id), String(social.id)] })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    created.assertStatus(302)
    const item = await NewsItem.query().preload('topics').preload('keywords').firstOrFail()
    assert.equal(created.header('location'), urlFor('editorial.news.edit', { id: item.id }))
    assert.equal(item.slug, 'dresden-stadt-nutzt-threads-und-whatsapp')
    assert.equal(item.status, 'draft')
    assert.equal(item.authorId, editor.id)
    assert.equal(item.publishedOn.toISODate(), '2024-02-06')
    assert.deepEqual(
      item.topics.map((topic) => topic.id),
      [social.id, open.id]
    )
    assert.deepEqual(
      item.keywords.map((keyword) => keyword.name),
      ['Social Media', 'Dresden']
    )
    assert.deepEqual(item.sourceLinks, [
      { title: 'Stadt Dresden', url: 'https://www.dresden.de/' },
      { title: 'www.example.org', url: 'https://www.example.org/' },
    ])

    // A draft is not public yet.
    const hidden = await client.get(urlFor('news.show', { slug: item.slug }))
    hidden.assertStatus(404)

    const list = await client.get(urlFor('editorial.news.index')).loginAs(editor)
    list.assertStatus(200)
    list.assertTextIncludes('Dresden: Stadt nutzt Threads und WhatsApp')
    list.assertTextIncludes('Entwurf')
    const createForm = await client.get(urlFor('editorial.news.create')).loginAs(editor)
    createForm.assertStatus(200)
    createForm.assertTextIncludes('name="mainTopicId"')
    createForm.assertTextIncludes('name="sourceLinks"')

    const published = await client
      .post(urlFor('editorial.news.publish', { id: item.id }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    published.assertStatus(302)
    await item.refresh()
    assert.equal(item.status, 'published')
    const page = await client.get(urlFor('news.show', { slug: item.slug }))
    page.assertStatus(200)
    page.assertTextIncludes('Stadt nutzt Threads und WhatsApp')

    const entries = await AuditLog.query().orderBy('id')
    const actions = entries.map((entry) => entry.action)
    assert.deepEqual(actions, ['news.created', 'news.publish'])
  })

  test('an editor edits and unpublishes; a second unpublish is refused', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const topic = await TopicFactory.create()
    const item = await createNews({ slug: 'alt', title: 'Alter Titel' }, [topic], ['Alt'])

    const edit = await client.get(urlFor('editorial.news.edit', { id: item.id })).loginAs(editor)
    edit.assertStatus(200)
    edit.assertTextIncludes('value="Alter Titel"')
    edit.assertTextIncludes('value="Alt"')

    const updated = await client
      .post(urlFor('editorial.news.update', { id: item.id }))
      .form(form(topic.id, { title: 'Neuer Titel', keywords: 'Neu' }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    updated.assertStatus(302)
    await item.refresh()
    await item.load('keywords')
    assert.equal(item.title, 'Neuer Titel')
    // The slug stays, so links keep working.
    assert.equal(item.slug, 'alt')
    assert.deepEqual(
      item.keywords.map((keyword) => keyword.name),
      ['Neu']
    )

    const unpublished = await client
      .post(urlFor('editorial.news.unpublish', { id: item.id }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    unpublished.assertStatus(302)
    await item.refresh()
    assert.equal(item.status, 'draft')
    const gone = await client.get(urlFor('news.show', { slug: 'alt' }))
    gone.assertStatus(404)

    const again = await client
      .post(urlFor('editorial.news.unpublish', { id: item.id }))
      .header('referer', urlFor('editorial.news.index'))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    again.assertStatus(302)
    assert.equal(again.header('location'), urlFor('editorial.news.index'))
    assert.equal(
      again.flashMessages().alert,
      'Diese Meldung hat inzwischen einen anderen Status. Bitte laden Sie die Seite neu.'
    )
    const entries = await AuditLog.query().orderBy('id')
    assert.deepEqual(
      entries.map((entry) => entry.action),
      ['news.updated', 'news.unpublish']
    )
  })

  test('invalid input comes back with a German message per field', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const response = await client
      .post(urlFor('editorial.news.store'))
      .form({
        title: '',
        publishedOn: 'gestern',
        teaser: '',
        body: '',
        mainTopicId: '999999',
        sourceLinks: 'Quelle | javascript:alert(1)',
      })
      .header('referer', urlFor('editorial.news.create'))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const errors = response.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.equal(errors.title[0], 'Bitte füllen Sie das Feld „Titel“ aus.')
    assert.equal(errors.publishedOn[0], 'Bitte geben Sie ein Datum an, etwa 2012-03-09.')
    assert.equal(errors.teaser[0], 'Bitte füllen Sie das Feld „Anreißer“ aus.')
    assert.equal(errors.mainTopicId[0], 'Dieses Thema gibt es nicht.')
    assert.match(errors.sourceLinks[0], /^Zeile 1 ist kein Link/)
    assert.lengthOf(await NewsItem.all(), 0)
  })

  test('a pending press release is in the queue; the editor approves it', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const author = await createUser({ name: 'Paula Presse' })
    const topic = await TopicFactory.create()
    const vendor = await createVendor({ name: 'Datenwerk GmbH' }, [topic])
    const item = await createNews(
      { status: 'pending', title: 'Neues Produkt', vendorId: vendor.id, authorId: author.id },
      [topic]
    )

    const queue = await client.get(urlFor('editorial.queue')).loginAs(editor)
    queue.assertStatus(200)
    const html = queue.text()
    assert.include(html, `data-queue-item="news-${item.id}"`)
    assert.include(html, 'Paula Presse')
    assert.include(html, 'Datenwerk GmbH')
    assert.include(html, `href="${urlFor('editorial.news.edit', { id: item.id })}"`)

    const approved = await client
      .post(urlFor('editorial.news.publish', { id: item.id }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    approved.assertStatus(302)
    await item.refresh()
    assert.equal(item.status, 'published')
    const page = await client.get(urlFor('news.show', { slug: item.slug }))
    page.assertStatus(200)
    page.assertTextIncludes('Anbietermeldung')

    const after = await client.get(urlFor('editorial.queue')).loginAs(editor)
    assert.notInclude(after.text(), `data-queue-item="news-${item.id}"`)
  })

  test('the editor rejects a press release with a reason; it goes back to draft', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const topic = await TopicFactory.create()
    const vendor = await createVendor({}, [topic])
    const item = await createNews({ status: 'pending', vendorId: vendor.id }, [topic])

    const missing = await client
      .post(urlFor('editorial.news.reject', { id: item.id }))
      .form({ reason: '' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    missing.assertStatus(302)
    assert.equal(
      (missing.flashMessages().inputErrorsBag as Record<string, string[]>).reason[0],
      'Bitte geben Sie eine Begründung an.'
    )
    await item.refresh()
    assert.equal(item.status, 'pending')

    const rejected = await client
      .post(urlFor('editorial.news.reject', { id: item.id }))
      .form({ reason: 'Werbung, keine Nachricht.' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    rejected.assertStatus(302)
    await item.refresh()
    assert.equal(item.status, 'draft')
    assert.equal(item.rejectionReason, 'Werbung, keine Nachricht.')
    const entry = await AuditLog.query().where('action', 'news.reject').firstOrFail()
    assert.equal(entry.vendorId, vendor.id)
    assert.deepEqual(entry.after, { status: 'draft', reason: 'Werbung, keine Nachricht.' })
  })

  test("an editor sets a vendor's keywords; they show on the keyword page", async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const vendor = await createVendor({ name: 'Datenwerk GmbH' })

    const page = await client
      .get(urlFor('editorial.vendors.show', { id: vendor.id }))
      .loginAs(editor)
    page.assertStatus(200)
    page.assertTextIncludes(urlFor('editorial.news.vendor_keywords', { id: vendor.id }))

    const saved = await client
      .post(urlFor('editorial.news.vendor_keywords', { id: vendor.id }))
      .form({ keywords: 'Social Media, Open Data' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    saved.assertStatus(302)
    await vendor.load('keywords')
    assert.deepEqual(
      vendor.keywords.map((keyword) => keyword.name),
      ['Social Media', 'Open Data']
    )
    const keywordPage = await client.get(urlFor('keywords.show', { slug: 'open-data' }))
    keywordPage.assertStatus(200)
    keywordPage.assertTextIncludes('Datenwerk GmbH')

    const member = await createUser()
    const refused = await client
      .post(urlFor('editorial.news.vendor_keywords', { id: vendor.id }))
      .form({ keywords: 'Spam' })
      .loginAs(member)
      .withCsrfToken()
    refused.assertStatus(403)
    const entry = await AuditLog.query().where('action', 'vendor.keywords').firstOrFail()
    assert.deepEqual(entry.after, { keywords: 'Social Media, Open Data' })
  })
})
