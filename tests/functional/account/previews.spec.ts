import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Vendor from '#models/vendor'
import { createUser } from '#tests/helpers/users'
import { createTopic, ownedVendor } from '#tests/helpers/vendor_accounts'
import { pendingRevision } from '#tests/functional/editorial/fixtures'

const DRAFT = {
  name: 'Vorschau Werk GmbH',
  city: 'Quedlinburg',
  postalCode: '06484',
  description: 'Wir bauen **Brücken** aus <script>alert(1)</script> Holz.\n\n- eins\n- zwei',
  website: 'https://vorschau.example',
}

/** The public profile's markers, so a preview is checked against the same view. */
function assertProfile(html: string, assert: { include: (a: string, b: string) => void }) {
  assert.include(html, 'class="vendor-profile"')
  assert.include(html, 'class="vendor-profile__facts"')
}

test.group('Account / previews', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an owner previews their draft as the public page will show it, Markdown rendered', async ({
    client,
    assert,
  }) => {
    const { vendor, owner, topics } = await ownedVendor({ status: 'draft', attributes: DRAFT })

    const response = await client
      .get(urlFor('account.vendors.preview', { id: vendor.id }))
      .loginAs(owner)

    response.assertStatus(200)
    const html = response.text()
    assertProfile(html, assert)
    response.assertTextIncludes('Vorschau – noch nicht veröffentlicht')
    response.assertTextIncludes('<meta name="robots" content="noindex, nofollow">')
    assert.equal(response.header('x-robots-tag'), 'noindex, nofollow')
    response.assertTextIncludes('<strong>Brücken</strong>')
    response.assertTextIncludes('<li>eins</li>')
    assert.notInclude(html, '**Brücken**')
    assert.notInclude(html, '<script>alert(1)')
    response.assertTextIncludes('<h1>Vorschau Werk GmbH</h1>')
    response.assertTextIncludes('06484 Quedlinburg')
    response.assertTextIncludes(topics[0].name)
    response.assertTextIncludes(`href="${urlFor('account.vendors.show', { id: vendor.id })}"`)
    // Not a public page: no "Eintrag übernehmen", no canonical link.
    assert.notInclude(html, urlFor('account.claims.create', { slug: vendor.slug }))
    assert.notInclude(html, 'rel="canonical"')

    // The public profile itself stays 404 for a draft.
    const publicPage = await client.get(urlFor('vendors.show', { slug: vendor.slug }))
    publicPage.assertStatus(404)
  })

  test('a published vendor with a pending revision previews the revision, not the public version', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({
      attributes: { name: 'Alt GmbH', description: 'Die *alte* Fassung.' },
    })
    const newTopic = await createTopic('Neue Sparte')
    await vendor.load('topics')
    await pendingRevision(vendor, owner, {
      name: 'Neu GmbH',
      description: 'Die **neue** Fassung.',
      topicIds: [newTopic.id],
    })

    const response = await client
      .get(urlFor('account.vendors.preview', { id: vendor.id }))
      .loginAs(owner)

    response.assertStatus(200)
    const html = response.text()
    assertProfile(html, assert)
    response.assertTextIncludes('<h1>Neu GmbH</h1>')
    response.assertTextIncludes('<strong>neue</strong>')
    response.assertTextIncludes('Neue Sparte')
    assert.notInclude(html, 'alte')
    assert.include(html, 'data-preview="revision"')

    // The preview wrote nothing: the public page shows the published version.
    const fresh = await Vendor.findOrFail(vendor.id)
    assert.equal(fresh.name, 'Alt GmbH')
    const publicPage = await client.get(urlFor('vendors.show', { slug: vendor.slug }))
    publicPage.assertTextIncludes('<h1>Alt GmbH</h1>')
    assert.notInclude(publicPage.text(), 'Vorschau')
  })

  test('the owner finds the preview from their vendor page', async ({ client }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft', attributes: DRAFT })

    const response = await client
      .get(urlFor('account.vendors.show', { id: vendor.id }))
      .loginAs(owner)

    response.assertStatus(200)
    response.assertTextIncludes(`href="${urlFor('account.vendors.preview', { id: vendor.id })}"`)
    response.assertTextIncludes('Vorschau der öffentlichen Seite')
  })

  test('others get 404, the same as for a vendor that does not exist; guests must log in', async ({
    client,
    assert,
  }) => {
    const { vendor } = await ownedVendor({ status: 'draft', attributes: DRAFT })
    const stranger = await createUser()

    const foreign = await client
      .get(urlFor('account.vendors.preview', { id: vendor.id }))
      .loginAs(stranger)
    foreign.assertStatus(404)
    assert.notInclude(foreign.text(), DRAFT.name)

    const missing = await client
      .get(urlFor('account.vendors.preview', { id: vendor.id + 1000 }))
      .loginAs(stranger)
    missing.assertStatus(404)

    const guest = await client
      .get(urlFor('account.vendors.preview', { id: vendor.id }))
      .redirects(0)
    guest.assertStatus(302)
    assert.include(guest.header('location'), urlFor('auth.login'))
  })

  test('editors may preview any vendor from the account area too', async ({ client }) => {
    const { vendor } = await ownedVendor({ status: 'pending', attributes: DRAFT })
    const editor = await createUser({ role: 'editor' })

    const response = await client
      .get(urlFor('account.vendors.preview', { id: vendor.id }))
      .loginAs(editor)

    response.assertStatus(200)
    response.assertTextIncludes('<h1>Vorschau Werk GmbH</h1>')
  })

  test('the banner and the page speak English for an English user', async ({ client }) => {
    const owner = await createUser({ locale: 'en' })
    const { vendor } = await ownedVendor({ status: 'draft', owner, attributes: DRAFT })

    const response = await client
      .get(urlFor('account.vendors.preview', { id: vendor.id }, { qs: { lang: 'en' } }))
      .loginAs(owner)

    response.assertStatus(200)
    response.assertTextIncludes('Preview – not published yet')
  })
})
