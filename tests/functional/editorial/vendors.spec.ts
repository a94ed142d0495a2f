import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditLog from '#models/audit_log'
import Vendor from '#models/vendor'
import ModerationDecisionNotification from '#mails/moderation_decision_notification'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { pendingClaim, pendingRevision, pendingVendor, topic } from './fixtures.js'
import { addMember } from '#tests/helpers/vendor_accounts'

test.group('Editorial / new vendors', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => mail.restore())

  test('the review page shows every field escaped, with the owner', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser({ name: 'Olga Owner', email: 'olga@example.test' })
    const social = await topic('social-media', 'Social Media')
    const vendor = await pendingVendor(owner, DateTime.now(), {
      name: 'Neu <b>GmbH</b>',
      description: '<script>alert(1)</script> **fett**',
      website: 'https://neu.example',
    })
    await vendor.related('topics').attach([social.id])

    const response = await client
      .get(urlFor('editorial.vendors.show', { id: vendor.id }))
      .loginAs(editor)

    response.assertStatus(200)
    response.assertTextIncludes('Neu &lt;b&gt;GmbH&lt;/b&gt;')
    response.assertTextIncludes('&lt;script&gt;alert(1)&lt;/script&gt; **fett**')
    assert.notInclude(response.text(), '<script>alert(1)')
    response.assertTextIncludes('Social Media')
    response.assertTextIncludes('Olga Owner &lt;olga@example.test&gt;')
    response.assertTextIncludes(
      `action="${urlFor('editorial.vendors.approve', { id: vendor.id })}"`
    )
    response.assertTextIncludes(`action="${urlFor('editorial.vendors.reject', { id: vendor.id })}"`)
  })

  test('approving publishes the vendor, audits it and mails the members in their language', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const editor = await createUser({
      role: 'editor',
      name: 'Erika Editor',
      email: 'erika@example.test',
    })
    const owner = await createUser({ locale: 'en', email: 'owner@example.test' })
    const colleague = await createUser({ locale: 'de', email: 'colleague@example.test' })
    const vendor = await pendingVendor(owner, DateTime.now(), {
      slug: 'neu-gmbh',
      name: 'Neu GmbH',
      rejectionReason: 'old reason',
    })
    await addMember(vendor, colleague, 'member')

    const response = await client
      .post(urlFor('editorial.vendors.approve', { id: vendor.id }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('editorial.queue'))
    await vendor.refresh()
    assert.equal(vendor.status, 'published')
    assert.isNotNull(vendor.publishedAt)
    assert.isNull(vendor.rejectionReason)

    const entry = await AuditLog.query().where('vendor_id', vendor.id).firstOrFail()
    assert.equal(entry.action, 'vendor.approve')
    assert.equal(entry.actorId, editor.id)
    assert.equal(entry.actorLabel, 'Erika Editor <erika@example.test>')
    assert.deepEqual(entry.before, { status: 'pending' })
    assert.deepEqual(entry.after, { status: 'published' })

    mails.assertSentCount(ModerationDecisionNotification, 2)
    mails.assertSent(ModerationDecisionNotification, ({ message }) => {
      return (
        message.hasTo('owner@example.test') &&
        message.hasSubject('Your entry “Neu GmbH” is published')
      )
    })
    mails.assertSent(ModerationDecisionNotification, ({ message }) => {
      return (
        message.hasTo('colleague@example.test') &&
        message.hasSubject('Ihr Eintrag „Neu GmbH“ ist veröffentlicht')
      )
    })

    const page = await client.get(urlFor('vendors.show', { slug: 'neu-gmbh' }))
    page.assertStatus(200)
    page.assertTextIncludes('<h1>Neu GmbH</h1>')
  })

  test('rejecting needs a reason; with one the vendor is rejected and the members learn why', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser({ email: 'owner@example.test' })
    const vendor = await pendingVendor(owner, DateTime.now(), { name: 'Neu GmbH' })

    const empty = await client
      .post(urlFor('editorial.vendors.reject', { id: vendor.id }))
      .form({ reason: '  ' })
      .header('referer', urlFor('editorial.vendors.show', { id: vendor.id }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    empty.assertStatus(302)
    empty.assertHeader('location', urlFor('editorial.vendors.show', { id: vendor.id }))
    empty.assertFlashMessage('inputErrorsBag', { reason: ['Bitte geben Sie eine Begründung an.'] })
    await vendor.refresh()
    assert.equal(vendor.status, 'pending')
    mails.assertNoneSent()

    const response = await client
      .post(urlFor('editorial.vendors.reject', { id: vendor.id }))
      .form({ reason: 'Bitte <em>vollständige</em> Adresse angeben.' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    await vendor.refresh()
    assert.equal(vendor.status, 'rejected')
    assert.equal(vendor.rejectionReason, 'Bitte <em>vollständige</em> Adresse angeben.')
    const entry = await AuditLog.query().where('vendor_id', vendor.id).firstOrFail()
    assert.equal(entry.action, 'vendor.reject')
    assert.deepEqual(entry.after, {
      status: 'rejected',
      reason: 'Bitte <em>vollständige</em> Adresse angeben.',
    })
    mails.assertSent(ModerationDecisionNotification, (notification) => {
      notification.message.assertHtmlIncludes(
        'Bitte &lt;em&gt;vollständige&lt;/em&gt; Adresse angeben.'
      )
      return notification.message.hasTo('owner@example.test')
    })

    const hidden = await client.get(urlFor('vendors.show', { slug: vendor.slug }))
    hidden.assertStatus(404)
  })

  test('a published vendor shows its members, open reviews and the allowed status moves', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser({ name: 'Olga Owner' })
    const claimant = await createUser({ name: 'Clara Claimant' })
    const vendor = await createVendor({ slug: 'offen-gmbh', name: 'Offen GmbH' })
    await addMember(vendor, owner)
    const revision = await pendingRevision(vendor, owner, { city: 'Halle' })
    const claim = await pendingClaim(vendor, claimant)

    const response = await client
      .get(urlFor('editorial.vendors.show', { id: vendor.id }))
      .loginAs(editor)

    response.assertStatus(200)
    response.assertTextIncludes('Olga Owner')
    response.assertTextIncludes(`href="${urlFor('editorial.revisions.show', { id: revision.id })}"`)
    response.assertTextIncludes(`href="${urlFor('editorial.claims.show', { id: claim.id })}"`)
    response.assertTextIncludes('Übernahmeanfrage von Clara Claimant')
    response.assertTextIncludes(`href="${urlFor('vendors.show', { slug: 'offen-gmbh' })}"`)
    response.assertTextIncludes(
      `href="${urlFor('editorial.audit', [], { qs: { vendorId: vendor.id } })}"`
    )
    response.assertTextIncludes(
      `action="${urlFor('editorial.vendors.unpublish', { id: vendor.id })}"`
    )
    response.assertTextIncludes(
      `action="${urlFor('editorial.vendors.archive', { id: vendor.id })}"`
    )
    assert.notInclude(
      response.text(),
      `action="${urlFor('editorial.vendors.publish', { id: vendor.id })}"`
    )
    assert.notInclude(
      response.text(),
      `action="${urlFor('editorial.vendors.approve', { id: vendor.id })}"`
    )
  })

  test('a rejected vendor shows the reason and can be published without review', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const vendor = await createVendor({
      name: 'Abgelehnt GmbH',
      status: 'rejected',
      rejectionReason: 'Adresse <fehlt>.',
    })

    const response = await client
      .get(urlFor('editorial.vendors.show', { id: vendor.id }))
      .loginAs(editor)

    response.assertStatus(200)
    response.assertTextIncludes('Adresse &lt;fehlt&gt;.')
    response.assertTextIncludes('Keine Mitglieder')
    response.assertTextIncludes(
      `action="${urlFor('editorial.vendors.publish', { id: vendor.id })}"`
    )
    assert.notInclude(
      response.text(),
      `action="${urlFor('editorial.vendors.unpublish', { id: vendor.id })}"`
    )
  })

  test('a failing mail server does not undo the decision', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser()
    const vendor = await pendingVendor(owner, DateTime.now(), { name: 'Trotzdem GmbH' })
    const send = mail.send
    let attempts = 0
    mail.send = async () => {
      attempts += 1
      throw new Error('SMTP is down')
    }
    try {
      const response = await client
        .post(urlFor('editorial.vendors.approve', { id: vendor.id }))
        .loginAs(editor)
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', urlFor('editorial.queue'))
    } finally {
      mail.send = send
    }
    await vendor.refresh()
    assert.equal(vendor.status, 'published')
    assert.lengthOf(await AuditLog.query().where('vendor_id', vendor.id), 1)
    assert.equal(attempts, 1)
  })

  test('a vendor decided already cannot be decided again', async ({ client, assert }) => {
    mail.fake()
    const editor = await createUser({ role: 'editor' })
    const vendor = await createVendor({ name: 'Schon da GmbH' })

    const response = await client
      .post(urlFor('editorial.vendors.reject', { id: vendor.id }))
      .form({ reason: 'Zu spät' })
      .header('referer', urlFor('editorial.vendors.show', { id: vendor.id }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('alert', 'Darüber wurde bereits entschieden.')
    await vendor.refresh()
    assert.equal(vendor.status, 'published')
    assert.lengthOf(await AuditLog.all(), 0)
  })

  test('publish, unpublish (back to draft) and archive, each audited', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser({ email: 'owner@example.test' })
    const vendor = await createVendor({ slug: 'wechsel-gmbh', name: 'Wechsel GmbH' })
    await addMember(vendor, owner)

    const unpublish = await client
      .post(urlFor('editorial.vendors.unpublish', { id: vendor.id }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    unpublish.assertHeader('location', urlFor('editorial.vendors.show', { id: vendor.id }))
    await vendor.refresh()
    assert.equal(vendor.status, 'draft')
    const hidden = await client.get(urlFor('vendors.show', { slug: 'wechsel-gmbh' }))
    hidden.assertStatus(404)

    await client
      .post(urlFor('editorial.vendors.publish', { id: vendor.id }))
      .loginAs(editor)
      .withCsrfToken()
    await vendor.refresh()
    assert.equal(vendor.status, 'published')
    const shown = await client.get(urlFor('vendors.show', { slug: 'wechsel-gmbh' }))
    shown.assertStatus(200)

    await client
      .post(urlFor('editorial.vendors.archive', { id: vendor.id }))
      .loginAs(editor)
      .withCsrfToken()
    await vendor.refresh()
    assert.equal(vendor.status, 'archived')
    const archivedPage = await client.get(urlFor('vendors.show', { slug: 'wechsel-gmbh' }))
    archivedPage.assertStatus(404)
    assert.isNotNull(await Vendor.find(vendor.id), 'archived vendors are kept')

    const entries = await AuditLog.query().where('vendor_id', vendor.id).orderBy('id', 'asc')
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.before, entry.after]),
      [
        ['vendor.unpublish', { status: 'published' }, { status: 'draft' }],
        ['vendor.publish', { status: 'draft' }, { status: 'published' }],
        ['vendor.archive', { status: 'published' }, { status: 'archived' }],
      ]
    )
    mails.assertSentCount(ModerationDecisionNotification, 3)

    const again = await client
      .post(urlFor('editorial.vendors.unpublish', { id: vendor.id }))
      .header('referer', urlFor('editorial.vendors.show', { id: vendor.id }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('alert', 'Im jetzigen Status des Anbieters ist das nicht möglich.')
    await vendor.refresh()
    assert.equal(vendor.status, 'archived')
  })

  test('the vendor list filters by status and finds vendors by name in every status', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    await createVendor({ name: 'Alpha Portal GmbH' })
    await createVendor({ name: 'Beta Portal AG', status: 'draft' })
    await createVendor({ name: 'Gamma Software', status: 'pending' })

    const all = await client.get(urlFor('editorial.vendors.index')).loginAs(editor)
    all.assertStatus(200)
    for (const name of ['Alpha Portal GmbH', 'Beta Portal AG', 'Gamma Software']) {
      all.assertTextIncludes(name)
    }

    const drafts = await client
      .get(urlFor('editorial.vendors.index', [], { qs: { status: 'draft' } }))
      .loginAs(editor)
    drafts.assertTextIncludes('Beta Portal AG')
    assert.notInclude(drafts.text(), 'Alpha Portal GmbH')
    assert.notInclude(drafts.text(), 'Gamma Software')

    const portal = await client
      .get(urlFor('editorial.vendors.index', [], { qs: { q: 'portal' } }))
      .loginAs(editor)
    portal.assertTextIncludes('Alpha Portal GmbH')
    portal.assertTextIncludes('Beta Portal AG')
    assert.notInclude(portal.text(), 'Gamma Software')
    assert.include(portal.text(), '2 Anbieter')

    const bad = await client
      .get(urlFor('editorial.vendors.index', [], { qs: { status: 'nonsense' } }))
      .loginAs(editor)
    bad.assertStatus(422)
    bad.assertTextIncludes('field-error')
  })
})
