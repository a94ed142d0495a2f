import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditLog from '#models/audit_log'
import NewsItem from '#models/news_item'
import { createUser } from '#tests/helpers/users'
import { ownedVendor } from '#tests/helpers/vendor_accounts'
import { createVendor } from '#tests/helpers/directory'

function form(topicId: number) {
  return {
    kicker: 'Datenwerk:',
    title: 'Neue Beteiligungsplattform',
    publishedOn: '2024-03-01',
    teaser: 'Kommunen können Bürgerinnen und Bürger jetzt online beteiligen.',
    body: 'Die Plattform ist ab sofort verfügbar.',
    mainTopicId: String(topicId),
    keywords: 'Bürgerbeteiligung',
  }
}

test.group('News / press releases', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a member submits a press release for their vendor: pending, not public, in the queue', async ({
    client,
    assert,
  }) => {
    const { vendor, owner, topics } = await ownedVendor({ attributes: { name: 'Datenwerk GmbH' } })

    const account = await client
      .get(urlFor('account.vendors.show', { id: vendor.id }))
      .loginAs(owner)
    account.assertStatus(200)
    account.assertTextIncludes(urlFor('account.press_releases.create', { id: vendor.id }))

    const page = await client
      .get(urlFor('account.press_releases.create', { id: vendor.id }))
      .loginAs(owner)
    page.assertStatus(200)
    page.assertTextIncludes('Anbietermeldung für Datenwerk GmbH')
    page.assertTextIncludes('name="title"')

    const submitted = await client
      .post(urlFor('account.press_releases.store', { id: vendor.id }))
      .form(form(topics[0].id))
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    submitted.assertStatus(302)
    assert.equal(submitted.header('location'), urlFor('account.vendors.show', { id: vendor.id }))

    const item = await NewsItem.firstOrFail()
    assert.equal(item.status, 'pending')
    assert.equal(item.vendorId, vendor.id)
    assert.equal(item.authorId, owner.id)
    assert.isNotNull(item.submittedAt)
    const hidden = await client.get(urlFor('news.show', { slug: item.slug }))
    hidden.assertStatus(404)

    const entry = await AuditLog.query().where('action', 'news.submitted').firstOrFail()
    assert.equal(entry.vendorId, vendor.id)
    assert.equal(entry.actorId, owner.id)

    const editor = await createUser({ role: 'editor' })
    const queue = await client.get(urlFor('editorial.queue')).loginAs(editor)
    queue.assertTextIncludes(`data-queue-item="news-${item.id}"`)
  })

  test('submitting for a vendor one is not a member of is 404, and nothing is stored', async ({
    client,
    assert,
  }) => {
    const { topics } = await ownedVendor()
    const stranger = await createUser()
    const other = await createVendor({ name: 'Fremd GmbH' }, topics)

    const page = await client
      .get(urlFor('account.press_releases.create', { id: other.id }))
      .loginAs(stranger)
    page.assertStatus(404)
    const post = await client
      .post(urlFor('account.press_releases.store', { id: other.id }))
      .form(form(topics[0].id))
      .loginAs(stranger)
      .withCsrfToken()
    post.assertStatus(404)
    assert.lengthOf(await NewsItem.all(), 0)
  })

  test('members cannot publish, not even their own press release', async ({ client, assert }) => {
    const { vendor, owner, topics } = await ownedVendor()
    await client
      .post(urlFor('account.press_releases.store', { id: vendor.id }))
      .form(form(topics[0].id))
      .loginAs(owner)
      .withCsrfToken()
    const item = await NewsItem.firstOrFail()

    const publish = await client
      .post(urlFor('editorial.news.publish', { id: item.id }))
      .loginAs(owner)
      .withCsrfToken()
    publish.assertStatus(403)
    await item.refresh()
    assert.equal(item.status, 'pending')
  })

  test('guests are sent to log in; unconfirmed members and unpublished vendors are refused', async ({
    client,
    assert,
  }) => {
    const { vendor, topics } = await ownedVendor()
    const guest = await client
      .get(urlFor('account.press_releases.create', { id: vendor.id }))
      .redirects(0)
    guest.assertStatus(302)
    assert.equal(guest.header('location'), urlFor('auth.login'))

    const unconfirmed = await createUser({ confirmed: false })
    const { vendor: theirs } = await ownedVendor({ owner: unconfirmed, topics })
    const refused = await client
      .post(urlFor('account.press_releases.store', { id: theirs.id }))
      .form(form(topics[0].id))
      .loginAs(unconfirmed)
      .withCsrfToken()
    refused.assertStatus(403)

    const { vendor: draft, owner } = await ownedVendor({ status: 'draft', topics })
    const draftPage = await client
      .get(urlFor('account.press_releases.create', { id: draft.id }))
      .loginAs(owner)
    draftPage.assertStatus(403)
    assert.lengthOf(await NewsItem.all(), 0)
  })

  test('invalid input comes back with English messages for an English account', async ({
    client,
    assert,
  }) => {
    const owner = await createUser({ locale: 'en' })
    const { vendor } = await ownedVendor({ owner })
    const response = await client
      .post(urlFor('account.press_releases.store', { id: vendor.id }))
      .form({ title: 'x', publishedOn: '2024-03-01', teaser: '', body: '', mainTopicId: '' })
      .header('referer', urlFor('account.press_releases.create', { id: vendor.id }))
      .header('accept-language', 'en')
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const errors = response.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.equal(errors.mainTopicId[0], "Please choose the item's topic.")
    assert.exists(errors.title)
    assert.exists(errors.teaser)
    assert.lengthOf(await NewsItem.all(), 0)
  })
})
