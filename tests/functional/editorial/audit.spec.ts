import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditLog, { AUDIT_ACTIONS } from '#models/audit_log'
import AuditService from '#services/audit_service'
import PrivacyService from '#services/accounts/privacy_service'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { ownedVendor } from '#tests/helpers/vendor_accounts'
import { pendingVendor } from './fixtures.js'

const SECRET = 'audit-test-secret'

/** The log table only, without the filter form's options. */
function table(html: string) {
  return html.slice(html.indexOf('class="data-table audit-log"'))
}

test.group('Editorial / audit log', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => mail.restore())

  test('shows who did what and when, with before and after as escaped words, newest first', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({
      role: 'editor',
      name: 'Erika Editor',
      email: 'erika@example.test',
    })
    const vendor = await createVendor({ name: 'Protokoll GmbH' })
    const audit = new AuditService()
    const older = await audit.record(editor, {
      action: 'vendor.unpublish',
      subjectType: 'vendor',
      subjectId: vendor.id,
      vendorId: vendor.id,
      before: { status: 'published' },
      after: { status: 'draft' },
    })
    older.createdAt = DateTime.now().minus({ days: 1 })
    await older.save()
    await audit.record(editor, {
      action: 'revision.approve',
      subjectType: 'revision',
      subjectId: 7,
      vendorId: vendor.id,
      before: { name: 'Alt' },
      after: { name: '<script>alert(1)</script>' },
    })

    const response = await client.get(urlFor('editorial.audit')).loginAs(editor)

    response.assertStatus(200)
    const html = response.text()
    response.assertTextIncludes('Erika Editor &lt;erika@example.test&gt;')
    response.assertTextIncludes('Änderung freigegeben')
    response.assertTextIncludes('Anbieter zurückgezogen')
    response.assertTextIncludes('&lt;script&gt;alert(1)&lt;/script&gt;')
    assert.notInclude(html, '<script>alert(1)')
    assert.notInclude(table(html), '&quot;')
    response.assertTextIncludes('Veröffentlicht')
    response.assertTextIncludes(`href="${urlFor('editorial.vendors.show', { id: vendor.id })}"`)
    const rows = table(html)
    assert.isBelow(rows.indexOf('Änderung freigegeben'), rows.indexOf('Anbieter zurückgezogen'))
    assert.isAbove(rows.indexOf('Änderung freigegeben'), -1)
  })

  test('filters by vendor and by action, and pages through long logs', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const mine = await createVendor({ slug: 'mein-anbieter', name: 'Mein Anbieter' })
    const other = await createVendor({ slug: 'anderer', name: 'Anderer Anbieter' })
    const audit = new AuditService()
    for (let i = 0; i < 30; i++) {
      await audit.record(editor, {
        action: i % 2 ? 'vendor.publish' : 'vendor.unpublish',
        subjectType: 'vendor',
        subjectId: mine.id,
        vendorId: mine.id,
        before: { n: i },
      })
    }
    await audit.record(editor, {
      action: 'vendor.archive',
      subjectType: 'vendor',
      subjectId: other.id,
      vendorId: other.id,
    })

    const byVendor = await client
      .get(urlFor('editorial.audit', [], { qs: { vendor: 'ANDERER' } }))
      .loginAs(editor)
    byVendor.assertStatus(200)
    byVendor.assertTextIncludes('Einträge zu „Anderer Anbieter“')
    assert.equal(byVendor.text().match(/data-audit="/g)!.length, 1)

    const page1 = await client
      .get(urlFor('editorial.audit', [], { qs: { vendor: 'mein anbieter' } }))
      .loginAs(editor)
    assert.equal(page1.text().match(/data-audit="/g)!.length, 25)
    page1.assertTextIncludes('Seite 1 von 2')
    page1.assertTextIncludes('vendor=mein+anbieter')
    assert.include(page1.text(), '<th scope="row">n</th>')

    const page2 = await client
      .get(urlFor('editorial.audit', [], { qs: { vendor: 'mein anbieter', page: 2 } }))
      .loginAs(editor)
    assert.equal(page2.text().match(/data-audit="/g)!.length, 5)
    assert.include(page2.text(), '<div class="editorial-text">0</div>')

    const byAction = await client
      .get(urlFor('editorial.audit', [], { qs: { vendor: 'Mein Anb', action: 'vendor.publish' } }))
      .loginAs(editor)
    assert.equal(byAction.text().match(/data-audit="/g)!.length, 15)
    assert.notInclude(table(byAction.text()), 'Anbieter zurückgezogen')
    assert.include(table(byAction.text()), 'Anbieter veröffentlicht')

    const unknown = await client
      .get(urlFor('editorial.audit', [], { qs: { vendor: 'gibt-es-nicht' } }))
      .loginAs(editor)
    unknown.assertStatus(422)
    unknown.assertTextIncludes('Kein Anbieter hat diesen Text im Namen.')
  })

  test('a deleted editor stays in the log under a pseudonym only', async ({ client, assert }) => {
    mail.fake()
    const admin = await createUser({ role: 'admin' })
    const editor = await createUser({
      role: 'editor',
      name: 'Gerda Gelöscht',
      email: 'gerda@example.test',
    })
    const owner = await createUser()
    const vendor = await pendingVendor(owner, DateTime.now(), { name: 'Pseudonym GmbH' })
    await client
      .post(urlFor('editorial.vendors.approve', { id: vendor.id }))
      .loginAs(editor)
      .withCsrfToken()
    await client
      .post(urlFor('editorial.users.role', { id: editor.id }))
      .form({ role: 'member' })
      .loginAs(admin)
      .withCsrfToken()
    assert.lengthOf(await AuditLog.all(), 2)

    await new PrivacyService().deleteAccount(editor, SECRET)

    const response = await client.get(urlFor('editorial.audit')).loginAs(admin)
    response.assertStatus(200)
    const html = response.text()
    assert.notInclude(html, 'Gerda')
    assert.notInclude(html, 'gerda@example.test')
    response.assertTextIncludes(AuditService.pseudonymFor(editor.id, SECRET))
    response.assertTextIncludes('Anbieter freigegeben')
    response.assertTextIncludes('Rolle geändert')
    response.assertTextIncludes(`ein gelöschtes Konto (#${editor.id})`)
    const approval = await AuditLog.findByOrFail('action', 'vendor.approve')
    assert.isNull(approval.actorId)
  })

  test('the filter offers every action the log records, labelled in German and English', async ({
    client,
    assert,
  }) => {
    for (const locale of ['de', 'en'] as const) {
      const editor = await createUser({ role: 'editor', locale })
      const response = await client.get(urlFor('editorial.audit')).loginAs(editor)
      response.assertStatus(200)
      const i18n = i18nManager.locale(locale)
      for (const action of AUDIT_ACTIONS) {
        const key = `editorial.audit.actions.${action}`
        assert.isTrue(i18n.hasMessage(key), `${locale}: ${key}`)
        const option = new RegExp(
          `<option value="${action.replace('.', '\\.')}"[^>]*>${i18n.t(key)}<`
        )
        assert.match(response.text(), option)
      }
    }
  })

  test('filters by an action of the members, such as submitting for review', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const { vendor, owner } = await ownedVendor({
      status: 'draft',
      attributes: { name: 'Eingereicht GmbH' },
    })
    await client
      .post(urlFor('account.vendors.submit', { id: vendor.id }))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    await new AuditService().record(owner, {
      action: 'member.left',
      subjectType: 'vendor',
      subjectId: vendor.id,
      vendorId: vendor.id,
    })

    const response = await client
      .get(urlFor('editorial.audit', [], { qs: { action: 'vendor.submitted' } }))
      .loginAs(editor)

    response.assertStatus(200)
    const rows = table(response.text())
    assert.equal(rows.match(/data-audit="/g)!.length, 1)
    assert.include(rows, 'Anbieter zur Prüfung eingereicht')
    assert.include(rows, 'Eingereicht GmbH')
    assert.notInclude(rows, 'Mitglied ausgetreten')
    response.assertTextIncludes('<option value="vendor.submitted" selected>')

    const unknown = await client
      .get(urlFor('editorial.audit', [], { qs: { action: 'vendor.vanished' } }))
      .loginAs(editor)
    unknown.assertStatus(422)
    unknown.assertTextIncludes('Bitte wählen Sie einen der angebotenen Werte für „Aktion“.')
  })
})
