import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { addMember } from '#tests/helpers/vendor_accounts'
import { pendingRevision, pendingVendor, topic } from './fixtures.js'

/** The slice of a page from one marker to the next. */
function between(html: string, from: string, to: string) {
  const start = html.indexOf(from)
  return html.slice(start, html.indexOf(to, start + from.length))
}

test.group('Editorial / review pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a new vendor shows its data before the decision buttons, Markdown rendered beside its source', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser()
    const vendor = await pendingVendor(owner, DateTime.now(), {
      name: 'Neuling GmbH',
      description: 'Wir machen **Karten**.\n\n- Stadtpläne\n- <script>alert(1)</script>',
    })

    const response = await client
      .get(urlFor('editorial.vendors.show', { id: vendor.id }))
      .loginAs(editor)

    response.assertStatus(200)
    const html = response.text()
    const details = html.indexOf('Beschreibung')
    const approve = html.indexOf(
      `action="${urlFor('editorial.vendors.approve', { id: vendor.id })}"`
    )
    const reject = html.indexOf(`action="${urlFor('editorial.vendors.reject', { id: vendor.id })}"`)
    assert.isAbove(details, -1)
    assert.isAbove(approve, details, 'the data comes before the approve button')
    assert.isAbove(reject, details, 'the data comes before the reject button')

    const rendered = between(html, 'data-markdown="rendered"', '</div>')
    assert.include(rendered, '<strong>Karten</strong>')
    assert.include(rendered, '<li>Stadtpläne</li>')
    assert.notInclude(rendered, '<script>')
    const source = between(html, 'data-markdown="source"', '</div>')
    assert.include(source, 'Wir machen **Karten**.')
    assert.include(source, '&lt;script&gt;alert(1)&lt;/script&gt;')
    assert.notInclude(html, '<script>alert(1)')
    response.assertTextIncludes('Darstellung')
    response.assertTextIncludes('Quelltext (Markdown)')
  })

  test('a revision renders the published and the proposed description, each beside its source', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const vendor = await createVendor({ description: 'Die *alte* Fassung.' })
    const revision = await pendingRevision(vendor, null, { description: 'Die **neue** Fassung.' })

    const response = await client
      .get(urlFor('editorial.revisions.show', { id: revision.id }))
      .loginAs(editor)

    response.assertStatus(200)
    const row = between(response.text(), '<tr data-field="description"', '</tr>')
    assert.include(row, '<em>alte</em>')
    assert.include(row, '<strong>neue</strong>')
    assert.include(row, 'Die *alte* Fassung.')
    assert.include(row, 'Die **neue** Fassung.')
    const html = response.text()
    assert.isBelow(
      html.indexOf('<tr data-field="description"'),
      html.indexOf(`action="${urlFor('editorial.revisions.approve', { id: revision.id })}"`)
    )
    response.assertTextIncludes(
      `href="${urlFor('editorial.revisions.preview', { id: revision.id })}"`
    )
  })

  test('no CLI command is shown to editors, and status moves are explained only where offered', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const draft = await createVendor({ status: 'draft', name: 'Entwurf GmbH' })
    const published = await createVendor({ status: 'published', name: 'Offen GmbH' })

    const list = await client.get(urlFor('editorial.vendors.index')).loginAs(editor)
    list.assertStatus(200)
    assert.notInclude(list.text(), 'node ace')

    const draftPage = await client
      .get(urlFor('editorial.vendors.show', { id: draft.id }))
      .loginAs(editor)
    draftPage.assertStatus(200)
    assert.notInclude(draftPage.text(), 'Zurückziehen')
    assert.notInclude(draftPage.text(), urlFor('editorial.vendors.unpublish', { id: draft.id }))
    draftPage.assertTextIncludes('Macht den Eintrag sofort öffentlich.')

    const publishedPage = await client
      .get(urlFor('editorial.vendors.show', { id: published.id }))
      .loginAs(editor)
    publishedPage.assertTextIncludes('Zurückziehen (Entwurf)')
    publishedPage.assertTextIncludes(urlFor('editorial.vendors.unpublish', { id: published.id }))
    assert.notInclude(publishedPage.text(), 'Macht den Eintrag sofort öffentlich.')

    for (const locale of ['de', 'en']) {
      const english = await client
        .get(urlFor('editorial.vendors.index', [], { qs: { lang: locale } }))
        .loginAs(editor)
      assert.notInclude(english.text(), 'node ace')
    }
  })
})

test.group('Editorial / previews', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an editor previews a new vendor as its public page, from the review page', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser()
    const maps = await topic('karten', 'Karten')
    const vendor = await pendingVendor(owner, DateTime.now(), {
      name: 'Kartenhaus GmbH',
      description: 'Wir zeichnen **Karten**.',
    })
    await vendor.related('topics').attach([maps.id])

    const review = await client
      .get(urlFor('editorial.vendors.show', { id: vendor.id }))
      .loginAs(editor)
    review.assertTextIncludes(`href="${urlFor('editorial.vendors.preview', { id: vendor.id })}"`)

    const response = await client
      .get(urlFor('editorial.vendors.preview', { id: vendor.id }))
      .loginAs(editor)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'class="vendor-profile"')
    response.assertTextIncludes('Vorschau – noch nicht veröffentlicht')
    response.assertTextIncludes('<meta name="robots" content="noindex, nofollow">')
    assert.equal(response.header('x-robots-tag'), 'noindex, nofollow')
    response.assertTextIncludes('<h1>Kartenhaus GmbH</h1>')
    response.assertTextIncludes('<strong>Karten</strong>')
    response.assertTextIncludes(`href="${urlFor('topics.show', { slug: 'karten' })}"`)
    response.assertTextIncludes(`href="${urlFor('editorial.vendors.show', { id: vendor.id })}"`)
  })

  test('an editor previews a revision applied onto its vendor', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser()
    const vendor = await createVendor({ name: 'Vorher GmbH', city: 'Halle (Saale)' })
    await addMember(vendor, owner)
    const revision = await pendingRevision(vendor, owner, {
      name: 'Nachher GmbH',
      city: 'Merseburg',
    })

    const response = await client
      .get(urlFor('editorial.revisions.preview', { id: revision.id }))
      .loginAs(editor)

    response.assertStatus(200)
    response.assertTextIncludes('<h1>Nachher GmbH</h1>')
    response.assertTextIncludes('Merseburg')
    assert.notInclude(response.text(), 'Vorher GmbH')
    response.assertTextIncludes(`href="${urlFor('editorial.revisions.show', { id: revision.id })}"`)
  })

  test('members cannot use the editorial previews; unknown ids are 404', async ({ client }) => {
    const owner = await createUser()
    const editor = await createUser({ role: 'editor' })
    const vendor = await pendingVendor(owner, DateTime.now(), { name: 'Geheim GmbH' })

    const member = await client
      .get(urlFor('editorial.vendors.preview', { id: vendor.id }))
      .loginAs(owner)
    member.assertStatus(403)

    const missing = await client
      .get(urlFor('editorial.revisions.preview', { id: 999999 }))
      .loginAs(editor)
    missing.assertStatus(404)
  })
})
