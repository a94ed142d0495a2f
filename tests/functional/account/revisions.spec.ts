import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import sharp from 'sharp'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import drive from '@adonisjs/drive/services/main'
import db from '@adonisjs/lucid/services/db'
import type Topic from '#models/topic'
import type User from '#models/user'
import Vendor from '#models/vendor'
import VendorRevision from '#models/vendor_revision'
import { applySnapshot, snapshotOf } from '#services/vendor_snapshot'
import { logoUrl } from '#services/vendors/logo_url'
import { VendorRevisionFactory } from '#database/factories/vendor_revision_factory'
import { createUser } from '#tests/helpers/users'
import { pendingRevision } from '#tests/functional/editorial/fixtures'
import { createTopic, formFields, ownedVendor } from '#tests/helpers/vendor_accounts'

const OLD = {
  name: 'Altwerk Software GmbH',
  city: 'Altenburg',
  postalCode: '04600',
  description: 'Wir pflegen **Zebrafische** seit 1990.',
  website: 'https://altwerk.example',
}
const NEW = {
  name: 'Neuwerk Software GmbH',
  city: 'Neustadt',
  postalCode: '67433',
  description: 'Wir züchten **Okapis** seit 2020.',
  website: 'https://neuwerk.example',
}

/** Everything a reader or a client can see of the vendor, from every public place. */
async function publicView(client: ApiClient, vendor: Vendor, topics: Topic[]) {
  const profile = await client.get(urlFor('vendors.show', { slug: vendor.slug }))
  const api = await client.get(urlFor('api.v1.vendors.show', { slug: vendor.slug }))
  const topicPages = await Promise.all(
    topics.map((topic) => client.get(urlFor('topics.show', { slug: topic.slug })))
  )
  const searchOld = await client.get(urlFor('api.v1.vendors.index', [], { qs: { q: 'Altwerk' } }))
  const searchNew = await client.get(urlFor('api.v1.vendors.index', [], { qs: { q: 'Neuwerk' } }))
  const searchPageNew = await client.get(urlFor('search', [], { qs: { q: 'Okapis' } }))
  const sitemap = await client.get(urlFor('sitemap'))
  return {
    profile: profile.text(),
    api: api.body().data,
    topicPages: topicPages.map((page) => page.text()),
    foundByOld: searchOld.body().data.map((hit: { slug: string }) => hit.slug),
    foundByNew: searchNew.body().data.map((hit: { slug: string }) => hit.slug),
    searchPageNew: searchPageNew.text(),
    sitemap: sitemap.text(),
  }
}

async function publishedFixture() {
  await drive.use().put('logos/old-logo.png', Buffer.from('old'))
  const topicA = await createTopic('Aktenverwaltung')
  const topicB = await createTopic('Bürgerportale')
  const { vendor, owner } = await ownedVendor({
    topics: [topicA],
    attributes: { ...OLD, logoPath: 'logos/old-logo.png' },
  })
  return { vendor, owner, topicA, topicB }
}

function assertUnchanged(
  assert: any,
  before: Awaited<ReturnType<typeof publicView>>,
  after: Awaited<ReturnType<typeof publicView>>,
  vendor: Vendor
) {
  // The JSON API: not a single field differs (logo and topics included).
  assert.deepEqual(after.api, before.api)
  assert.equal(after.api.name, OLD.name)
  assert.deepEqual(
    after.api.topics.map((topic: { name: string }) => topic.name),
    ['Aktenverwaltung']
  )
  assert.equal(after.api.logoUrl, logoUrl('logos/old-logo.png'))

  // The profile page, field by field.
  for (const value of [OLD.name, OLD.city, OLD.postalCode, 'Zebrafische', 'altwerk.example']) {
    assert.include(after.profile, value)
  }
  for (const value of [
    NEW.name,
    NEW.city,
    NEW.postalCode,
    'Okapis',
    'neuwerk.example',
    'Bürgerportale',
  ]) {
    assert.notInclude(after.profile, value)
  }
  assert.include(after.profile, `src="${logoUrl('logos/old-logo.png')}"`)
  assert.include(after.profile, 'Aktenverwaltung')

  // Topic pages: still listed under the old topic with the old name, not under the new one.
  const [pageA, pageB] = after.topicPages
  assert.match(
    pageA,
    new RegExp(
      `<a href="${urlFor('vendors.show', { slug: vendor.slug })}\\?from=[a-z0-9-]+">${OLD.name}</a>`
    )
  )
  assert.include(pageA, `${OLD.postalCode} ${OLD.city}`)
  assert.notInclude(pageA, NEW.name)
  assert.notInclude(pageB, OLD.name)
  assert.notInclude(pageB, NEW.name)

  // Search: found by the old name, not by the new name or the new description.
  assert.deepEqual(after.foundByOld, [vendor.slug])
  assert.deepEqual(after.foundByNew, [])
  assert.notInclude(after.searchPageNew, vendor.slug)

  // Sitemap: identical, lastmod included.
  assert.equal(after.sitemap, before.sitemap)
}

/** What an editor's approval does (the editorial area calls the same function). */
async function approve(vendor: Vendor, revision: VendorRevision) {
  await db.transaction(async (trx) => {
    await applySnapshot(await Vendor.findOrFail(vendor.id, { client: trx }), revision.data, trx)
    revision.useTransaction(trx)
    revision.status = 'approved'
    await revision.save()
  })
}

async function uploadLogo(client: ApiClient, vendor: Vendor, owner: User) {
  const png = await sharp({
    create: { width: 800, height: 400, channels: 3, background: { r: 0, g: 90, b: 160 } },
  })
    .png()
    .toBuffer()
  return client
    .post(urlFor('account.vendors.logo.store', { id: vendor.id }))
    .file('logo', png, { filename: 'neu.png', contentType: 'image/png' })
    .withCsrfToken()
    .loginAs(owner)
    .redirects(0)
}

let disk: ReturnType<typeof drive.fake>

test.group('Account / revisions of published vendors', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    disk = drive.fake()
    return () => drive.restore()
  })

  test('through the web form and a logo upload, nothing public changes until approval', async ({
    client,
    assert,
  }) => {
    const { vendor, owner, topicA, topicB } = await publishedFixture()
    const before = await publicView(client, vendor, [topicA, topicB])
    assert.deepEqual(before.foundByOld, [vendor.slug])

    const response = await client
      .put(urlFor('account.vendors.update', { id: vendor.id }))
      .form(formFields({ ...NEW, street: vendor.street, topicIds: [topicB.id] }))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage(
      'notice',
      'Ihre Änderung ist gespeichert und wird von der Redaktion geprüft. Bis zur Freigabe bleibt die öffentliche Seite unverändert.'
    )
    const logo = await uploadLogo(client, vendor, owner)
    logo.assertStatus(302)

    const revisions = await VendorRevision.query().where('vendor_id', vendor.id).orderBy('id')
    assert.deepEqual(
      revisions.map((r) => r.status),
      ['superseded', 'pending']
    )
    const pending = revisions[1]
    assert.match(pending.data.logoPath!, /^logos\/\d+-[0-9a-f]{16}\.png$/)
    disk.assertExists(pending.data.logoPath!)
    assert.deepEqual(
      { ...pending.data, logoPath: null },
      {
        ...NEW,
        street: vendor.street,
        state: null,
        country: 'DE',
        phone: null,
        email: null,
        logoPath: null,
        topicIds: [topicB.id],
      }
    )

    const row = await Vendor.findOrFail(vendor.id)
    assert.equal(row.name, OLD.name)
    assert.equal(row.logoPath, 'logos/old-logo.png')
    assert.equal(row.status, 'published')
    assertUnchanged(assert, before, await publicView(client, vendor, [topicA, topicB]), vendor)

    // The owner sees the pending change and the form shows it.
    const show = await client.get(urlFor('account.vendors.show', { id: vendor.id })).loginAs(owner)
    show.assertTextIncludes('Änderung in Prüfung')
    show.assertTextIncludes(NEW.name)
    show.assertTextIncludes('Ein neues Logo wartet auf die Freigabe der Redaktion')
    show.assertTextIncludes(`src="${logoUrl(pending.data.logoPath)}"`)
    show.assertTextIncludes('Dieser Eintrag ist veröffentlicht.')
    assert.notInclude(show.text(), 'translation missing')
    const edit = await client.get(urlFor('account.vendors.edit', { id: vendor.id })).loginAs(owner)
    edit.assertTextIncludes(`value="${NEW.city}"`)

    await approve(vendor, pending)
    const after = await publicView(client, vendor, [topicA, topicB])
    assert.equal(after.api.name, NEW.name)
    assert.equal(after.api.city, NEW.city)
    assert.equal(after.api.postalCode, NEW.postalCode)
    assert.equal(after.api.website, NEW.website)
    assert.include(after.api.descriptionHtml, '<strong>Okapis</strong>')
    assert.equal(after.api.logoUrl, logoUrl(pending.data.logoPath))
    assert.deepEqual(
      after.api.topics.map((t: { name: string }) => t.name),
      ['Bürgerportale']
    )
    assert.include(after.profile, NEW.name)
    assert.include(after.topicPages[1], NEW.name)
    assert.notInclude(after.topicPages[0], NEW.name)
    assert.deepEqual(after.foundByNew, [vendor.slug])
    assert.deepEqual(after.foundByOld, [])
    const reloaded = await Vendor.findOrFail(vendor.id)
    assert.equal(reloaded.slug, vendor.slug)
  })

  test('through the API PATCH, nothing public changes until approval', async ({
    client,
    assert,
  }) => {
    const { vendor, owner, topicA, topicB } = await publishedFixture()
    const before = await publicView(client, vendor, [topicA, topicB])

    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ ...NEW, topicIds: [topicB.id] })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    const revision = await VendorRevision.query().where('vendor_id', vendor.id).firstOrFail()
    assert.deepEqual(response.body(), {
      data: {
        status: 'published',
        pendingRevision: {
          id: revision.id,
          createdAt: revision.createdAt.toISO(),
          changes: ['name', 'postalCode', 'city', 'website', 'description', 'topicIds'],
        },
      },
    })
    assert.equal(revision.data.logoPath, 'logos/old-logo.png')
    assertUnchanged(assert, before, await publicView(client, vendor, [topicA, topicB]), vendor)

    await approve(vendor, revision)
    const after = await publicView(client, vendor, [topicA, topicB])
    assert.equal(after.api.name, NEW.name)
    assert.deepEqual(after.foundByNew, [vendor.slug])
  })

  test('a second edit builds on the pending one and supersedes it', async ({ client, assert }) => {
    const { vendor, owner } = await publishedFixture()

    await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ city: NEW.city })
      .withGuard('api')
      .loginAs(owner)
    const second = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ name: NEW.name })
      .withGuard('api')
      .loginAs(owner)

    const revisions = await VendorRevision.query().where('vendor_id', vendor.id).orderBy('id')
    assert.deepEqual(
      revisions.map((r) => r.status),
      ['superseded', 'pending']
    )
    assert.equal(revisions[1].data.city, NEW.city)
    assert.equal(revisions[1].data.name, NEW.name)
    assert.deepEqual(second.body().data.pendingRevision.changes, ['name', 'city'])

    // Going back to the public version leaves nothing to review.
    const back = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ name: OLD.name, city: OLD.city })
      .withGuard('api')
      .loginAs(owner)
    assert.deepEqual(back.body(), { data: { status: 'published', pendingRevision: null } })
    assert.lengthOf(
      await VendorRevision.query().where('vendor_id', vendor.id).where('status', 'pending'),
      0
    )
  })

  test('the owner sees past decisions with the reason, and each revision against the public version', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await publishedFixture()
    const rejected = await VendorRevisionFactory.merge({
      vendorId: vendor.id,
      authorId: owner.id,
      reason: 'Die Website ist nicht erreichbar.',
      data: { ...(await snapshotOf(vendor)), website: 'https://kaputt.example' },
    })
      .apply('rejected')
      .create()

    const show = await client.get(urlFor('account.vendors.show', { id: vendor.id })).loginAs(owner)
    show.assertStatus(200)
    show.assertTextIncludes('Änderungen und Entscheidungen')
    show.assertTextIncludes('Abgelehnt')
    show.assertTextIncludes('Die Website ist nicht erreichbar.')

    const detail = await client
      .get(urlFor('account.vendors.revisions.show', { id: vendor.id, revisionId: rejected.id }))
      .loginAs(owner)
    detail.assertStatus(200)
    assert.match(detail.text(), /<td class="changed">\s*https:\/\/kaputt\.example\s*<\/td>/)
    assert.match(detail.text(), /<td>\s*https:\/\/altwerk\.example\s*<\/td>/)
  })

  test('a draft (never published) is edited in place: no revision', async ({ client, assert }) => {
    const topic = await createTopic()
    const owner = await createUser()
    const { vendor } = await ownedVendor({ owner, status: 'pending', topics: [topic] })

    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ name: 'Frisch benannt GmbH' })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    assert.deepEqual(response.body(), { data: { status: 'pending', pendingRevision: null } })
    await vendor.refresh()
    assert.equal(vendor.name, 'Frisch benannt GmbH')
    assert.lengthOf(await VendorRevision.query().where('vendor_id', vendor.id), 0)
  })

  test('after an unpublish, editing the draft retires a revision left from before', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })
    const leftover = await pendingRevision(vendor, owner, { name: 'Alter Vorschlag' })

    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ city: 'Weimar' })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    await leftover.refresh()
    assert.equal(leftover.status, 'superseded')
    await vendor.refresh()
    assert.equal(vendor.city, 'Weimar')
  })
})
