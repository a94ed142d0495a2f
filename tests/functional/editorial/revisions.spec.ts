import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import drive from '@adonisjs/drive/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditLog from '#models/audit_log'
import ModerationDecisionNotification from '#mails/moderation_decision_notification'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { pendingRevision, topic } from './fixtures.js'
import { addMember } from '#tests/helpers/vendor_accounts'

const XSS = {
  name: '<script>alert("name")</script> GmbH',
  street: '<img src=x onerror=alert(1)>',
  description: '[klick](javascript:alert(1)) <svg onload=alert(1)> <script>alert(2)</script>',
  website: 'javascript:alert(3)',
}

async function publishedVendor() {
  const social = await topic('social-media', 'Social Media', 1)
  const egov = await topic('e-government', 'E-Government', 2)
  const geo = await topic('geodaten', 'Geodaten', 3)
  const vendor = await createVendor(
    {
      slug: 'alt-gmbh',
      name: 'Alt GmbH',
      street: 'Alte Straße 1',
      postalCode: '06108',
      city: 'Halle (Saale)',
      state: 'Sachsen-Anhalt',
      country: 'DE',
      phone: '0345 111',
      email: 'alt@example.com',
      website: 'https://alt.example.com',
      description: 'Die alte Beschreibung.',
      logoPath: 'logos/alt.png',
    },
    [social, egov]
  )
  return { vendor, social, egov, geo }
}

test.group('Editorial / revisions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => mail.restore())

  test('the diff shows published and proposed values side by side, changed rows marked', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const author = await createUser({ name: 'Arne Author' })
    const { vendor, social, geo } = await publishedVendor()
    const revision = await pendingRevision(vendor, author, {
      city: 'Merseburg',
      topicIds: [social.id, geo.id],
      logoPath: 'logos/neu.webp',
    })

    const response = await client
      .get(urlFor('editorial.revisions.show', { id: revision.id }))
      .loginAs(editor)

    response.assertStatus(200)
    const html = response.text()
    response.assertTextIncludes('Arne Author')
    response.assertTextIncludes('3 Felder geändert')
    const row = (field: string) => {
      const start = html.indexOf(`<tr data-field="${field}"`)
      assert.isAbove(start, -1, `row ${field}`)
      return html.slice(start, html.indexOf('</tr>', start))
    }
    assert.include(row('city'), 'class="changed"')
    assert.include(row('city'), 'Halle (Saale)')
    assert.include(row('city'), 'Merseburg')
    assert.notInclude(row('name'), 'class="changed"')
    assert.include(row('topicIds'), 'class="changed"')
    assert.include(row('topicIds'), 'E-Government')
    assert.include(row('topicIds'), 'Geodaten')
    assert.include(
      row('logoPath'),
      `src="${urlFor('drive.fs.serve', { '*': ['logos', 'alt.png'] })}"`
    )
    assert.include(
      row('logoPath'),
      `src="${urlFor('drive.fs.serve', { '*': ['logos', 'neu.webp'] })}"`
    )
    response.assertTextIncludes(
      `action="${urlFor('editorial.revisions.approve', { id: revision.id })}"`
    )
    response.assertTextIncludes(
      `action="${urlFor('editorial.revisions.reject', { id: revision.id })}"`
    )
  })

  test('XSS payloads in a revision are printed as text on the diff page', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const { vendor } = await publishedVendor()
    const revision = await pendingRevision(vendor, null, {
      ...XSS,
      logoPath: '"><script>alert(4)</script>',
    })

    const response = await client
      .get(urlFor('editorial.revisions.show', { id: revision.id }))
      .loginAs(editor)

    response.assertStatus(200)
    const html = response.text()
    assert.notInclude(html, '<script>alert')
    assert.notInclude(html, '<img src=x')
    assert.notInclude(html, '<svg onload')
    assert.notInclude(html, 'href="javascript:')
    assert.notMatch(html, /<[^>]+\sonerror=/i)
    assert.include(html, '&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; GmbH')
    assert.include(html, '&lt;img src=x onerror=alert(1)&gt;')
    assert.include(html, '&lt;svg onload=alert(1)&gt;')
    assert.include(html, 'javascript:alert(3)')
  })

  test('approving writes every field to the public page, search and API, and mails the members', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const editor = await createUser({ role: 'editor', name: 'Erika Editor' })
    const owner = await createUser({ email: 'owner@example.test' })
    const { vendor, egov, geo } = await publishedVendor()
    await addMember(vendor, owner)
    const revision = await pendingRevision(vendor, owner, {
      name: 'Neu Zwirbel GmbH',
      street: 'Neue Straße 2',
      postalCode: '06217',
      city: 'Merseburg',
      state: 'Sachsen',
      country: 'AT',
      phone: '03461 222',
      email: 'neu@example.com',
      website: 'https://neu.example.com',
      description: 'Die **neue** Beschreibung.',
      logoPath: 'logos/neu.png',
      topicIds: [egov.id, geo.id],
    })

    const response = await client
      .post(urlFor('editorial.revisions.approve', { id: revision.id }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('editorial.queue'))
    await revision.refresh()
    assert.equal(revision.status, 'approved')
    assert.equal(revision.decidedById, editor.id)
    assert.isNotNull(revision.decidedAt)

    const page = await client.get(urlFor('vendors.show', { slug: 'alt-gmbh' }))
    page.assertStatus(200)
    for (const text of [
      '<h1>Neu Zwirbel GmbH</h1>',
      'Neue Straße 2',
      '06217 Merseburg',
      'Sachsen',
      '03461 222',
      'mailto:neu@example.com',
      // The website link goes through the click redirect; JSON-LD names it directly.
      'rel="nofollow noopener">neu.example.com</a>',
      '"url":"https://neu.example.com/"',
      '<strong>neue</strong>',
      `src="${urlFor('drive.fs.serve', { '*': ['logos', 'neu.png'] })}"`,
      `href="${urlFor('topics.show', { slug: 'geodaten' })}"`,
    ]) {
      page.assertTextIncludes(text)
    }
    for (const old of [
      'Alt GmbH',
      'Alte Straße',
      'alt@example.com',
      'alte Beschreibung',
      'logos/alt.png',
    ]) {
      assert.notInclude(page.text(), old)
    }
    assert.notInclude(page.text(), `href="${urlFor('topics.show', { slug: 'social-media' })}"`)

    const api = await client.get(urlFor('api.v1.vendors.show', { slug: 'alt-gmbh' }))
    assert.equal(api.body().data.country, 'AT')
    assert.deepEqual(
      api.body().data.topics.map((t: { slug: string }) => t.slug),
      ['e-government', 'geodaten']
    )

    const search = await client.get(urlFor('api.v1.vendors.index', [], { qs: { q: 'zwirbel' } }))
    assert.deepEqual(
      search.body().data.map((hit: { slug: string }) => hit.slug),
      ['alt-gmbh']
    )

    const entry = await AuditLog.query().where('action', 'revision.approve').firstOrFail()
    assert.equal(entry.subjectId, revision.id)
    assert.equal(entry.vendorId, vendor.id)
    assert.equal(entry.before!.name, 'Alt GmbH')
    assert.equal(entry.after!.name, 'Neu Zwirbel GmbH')
    assert.deepEqual(entry.before!.topics, ['e-government', 'social-media'])
    assert.deepEqual(entry.after!.topics, ['e-government', 'geodaten'])

    mails.assertSent(ModerationDecisionNotification, ({ message }) => {
      return (
        message.hasTo('owner@example.test') &&
        message.hasSubject('Ihre Änderung an „Neu Zwirbel GmbH“ ist veröffentlicht')
      )
    })
  })

  test('rejecting keeps the published version and tells the members why', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser({ email: 'owner@example.test', locale: 'en' })
    const { vendor } = await publishedVendor()
    await addMember(vendor, owner)
    const revision = await pendingRevision(vendor, owner, {
      name: 'Zwirbel Neu',
      city: 'Merseburg',
    })

    const missing = await client
      .post(urlFor('editorial.revisions.reject', { id: revision.id }))
      .header('referer', urlFor('editorial.revisions.show', { id: revision.id }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    missing.assertHeader('location', urlFor('editorial.revisions.show', { id: revision.id }))
    missing.assertFlashMessage('inputErrorsBag', {
      reason: ['Bitte geben Sie eine Begründung an.'],
    })
    await revision.refresh()
    assert.equal(revision.status, 'pending')

    await client
      .post(urlFor('editorial.revisions.reject', { id: revision.id }))
      .form({ reason: 'Der Ort passt nicht zur PLZ.' })
      .loginAs(editor)
      .withCsrfToken()

    await revision.refresh()
    assert.equal(revision.status, 'rejected')
    assert.equal(revision.reason, 'Der Ort passt nicht zur PLZ.')
    const page = await client.get(urlFor('vendors.show', { slug: 'alt-gmbh' }))
    page.assertTextIncludes('<h1>Alt GmbH</h1>')
    page.assertTextIncludes('06108 Halle (Saale)')
    const search = await client.get(urlFor('api.v1.vendors.index', [], { qs: { q: 'zwirbel' } }))
    assert.lengthOf(search.body().data, 0)

    const entry = await AuditLog.query().where('action', 'revision.reject').firstOrFail()
    assert.deepEqual(entry.after, { status: 'rejected', reason: 'Der Ort passt nicht zur PLZ.' })
    mails.assertSent(ModerationDecisionNotification, (notification) => {
      notification.message.assertHtmlIncludes('Der Ort passt nicht zur PLZ.')
      return notification.message.hasSubject('Your change to “Alt GmbH” was rejected')
    })
  })

  test('a decided revision shows its outcome and cannot be approved', async ({
    client,
    assert,
  }) => {
    mail.fake()
    const editor = await createUser({ role: 'editor' })
    const { vendor } = await publishedVendor()
    const revision = await pendingRevision(vendor, null, { name: 'Zu spät GmbH' })
    revision.merge({ status: 'rejected', reason: 'Nein.' })
    await revision.save()

    const page = await client
      .get(urlFor('editorial.revisions.show', { id: revision.id }))
      .loginAs(editor)
    page.assertTextIncludes('bereits entschieden: abgelehnt')
    assert.notInclude(page.text(), urlFor('editorial.revisions.approve', { id: revision.id }))

    const response = await client
      .post(urlFor('editorial.revisions.approve', { id: revision.id }))
      .header('referer', urlFor('editorial.revisions.show', { id: revision.id }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('alert', 'Darüber wurde bereits entschieden.')
    await vendor.refresh()
    assert.equal(vendor.name, 'Alt GmbH')
    await revision.refresh()
    assert.equal(revision.status, 'rejected')
  })

  test('unknown revisions are 404', async ({ client }) => {
    const editor = await createUser({ role: 'editor' })
    const response = await client
      .get(urlFor('editorial.revisions.show', { id: 999999 }))
      .loginAs(editor)
    response.assertStatus(404)
  })
})

test.group('Editorial / revisions and logo files', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('approving a new logo removes the old file; rejecting removes the proposed one', async ({
    client,
  }) => {
    const disk = drive.fake()
    try {
      const editor = await createUser({ role: 'editor' })
      const author = await createUser()
      const { vendor } = await publishedVendor()
      await disk.put('logos/alt.png', 'old')
      await disk.put('logos/neu.webp', 'new')
      await disk.put('logos/abgelehnt.png', 'refused')

      const refused = await pendingRevision(vendor, author, { logoPath: 'logos/abgelehnt.png' })
      await client
        .post(urlFor('editorial.revisions.reject', { id: refused.id }))
        .form({ reason: 'Logo unscharf' })
        .loginAs(editor)
        .withCsrfToken()
        .redirects(0)
      disk.assertMissing('logos/abgelehnt.png')
      disk.assertExists('logos/alt.png')

      const approved = await pendingRevision(vendor, author, { logoPath: 'logos/neu.webp' })
      await client
        .post(urlFor('editorial.revisions.approve', { id: approved.id }))
        .loginAs(editor)
        .withCsrfToken()
        .redirects(0)
      disk.assertExists('logos/neu.webp')
      disk.assertMissing('logos/alt.png')
    } finally {
      drive.restore()
    }
  })
})
