import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { AUDIT_ACTIONS } from '#models/audit_log'
import AuditService from '#services/audit_service'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { topic } from './fixtures.js'

/** The log table only, without the filter form's options. */
function table(html: string) {
  return html.slice(html.indexOf('class="data-table audit-log"'))
}

/** One entry's row of the log. */
function rowOf(html: string, action: string) {
  const start = html.indexOf(`data-action="${action}"`)
  const next = html.indexOf('<tr data-audit=', start)
  return html.slice(start, next === -1 ? undefined : next)
}

test.group('Editorial / audit log in words', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every action has a sentence in German and English', async ({ assert }) => {
    for (const locale of ['de', 'en']) {
      const i18n = i18nManager.locale(locale)
      for (const action of AUDIT_ACTIONS) {
        const key = `editorial.audit.sentences.${action}`
        assert.isTrue(i18n.hasMessage(key), `${locale}: ${key}`)
      }
    }
  })

  test('members, fields and texts read as words: names, form labels, line breaks, no JSON', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor', name: 'Erika Editor' })
    const owner = await createUser({ name: 'Olga Owner' })
    const invitee = await createUser({ name: 'Ines Invited' })
    const vendor = await createVendor({ name: 'Wortwerk GmbH' })
    const audit = new AuditService()
    await audit.record(invitee, {
      action: 'member.added',
      subjectType: 'vendor',
      subjectId: vendor.id,
      vendorId: vendor.id,
      after: { userId: invitee.id, role: 'member', invitedById: owner.id },
    })
    await audit.record(editor, {
      action: 'revision.approve',
      subjectType: 'revision',
      subjectId: 3,
      vendorId: vendor.id,
      before: { postalCode: '06108', description: 'Zeile eins\r\nZeile zwei', topics: ['alt'] },
      after: { postalCode: '06217', description: 'Neu\r\nund besser', topics: ['neu', 'mehr'] },
    })
    await audit.record(owner, {
      action: 'revision.created',
      subjectType: 'revision',
      subjectId: 4,
      vendorId: vendor.id,
      after: { changes: ['city', 'topicIds'] },
    })

    const response = await client.get(urlFor('editorial.audit')).loginAs(editor)

    response.assertStatus(200)
    const html = table(response.text())
    assert.notMatch(html, />[^<]*member\.added/)
    assert.notInclude(html, '\\r\\n')
    assert.notInclude(html, '&quot;')
    assert.notInclude(html, '{')

    const added = rowOf(html, 'member.added')
    assert.include(
      added,
      'Ines Invited hat eine Einladung angenommen und gehört jetzt als Mitglied zu „Wortwerk GmbH“.'
    )
    assert.include(added, '<th scope="row">Eingeladen von</th>')
    assert.include(added, 'Olga Owner')
    assert.notInclude(added, '>invitedById<')

    const approved = rowOf(html, 'revision.approve')
    assert.include(
      approved,
      'Erika Editor hat eine Änderung an „Wortwerk GmbH“ freigegeben; sie ist jetzt öffentlich.'
    )
    assert.include(approved, '<th scope="row">PLZ</th>')
    assert.include(approved, '<th scope="row">Beschreibung</th>')
    assert.include(approved, '<th scope="row">Themen</th>')
    assert.include(approved, 'Zeile eins\nZeile zwei')
    assert.include(approved, 'neu, mehr')
    assert.notInclude(approved, '>postalCode<')

    const created = rowOf(html, 'revision.created')
    assert.include(created, '<th scope="row">Geänderte Felder</th>')
    assert.include(created, 'Ort, Themen')
  })

  test('accounts and topics are named in the sentence, statuses and roles translated, in English too', async ({
    client,
    assert,
  }) => {
    const admin = await createUser({ role: 'admin', name: 'Ada Admin', locale: 'en' })
    const user = await createUser({ name: 'Udo User' })
    const maps = await topic('karten', 'Karten')
    const audit = new AuditService()
    await audit.record(admin, {
      action: 'user.role',
      subjectType: 'user',
      subjectId: user.id,
      before: { role: 'member' },
      after: { role: 'editor' },
    })
    await audit.record(admin, {
      action: 'topic.move',
      subjectType: 'topic',
      subjectId: maps.id,
      before: { position: 1 },
      after: { position: 2 },
    })

    const response = await client
      .get(urlFor('editorial.audit', [], { qs: { lang: 'en' } }))
      .loginAs(admin)

    response.assertStatus(200)
    const html = table(response.text())
    const role = rowOf(html, 'user.role')
    assert.include(role, 'Ada Admin changed the role of Udo User.')
    assert.include(role, '<th scope="row">Role</th>')
    assert.include(role, 'Member')
    assert.include(role, 'Editor')
    const moved = rowOf(html, 'topic.move')
    assert.include(moved, 'Ada Admin moved the topic “Karten” in the order.')
    assert.include(moved, '<th scope="row">Position in the topic list</th>')
  })

  test('the vendor filter finds vendors by part of their name, ignoring case; the vendor page links its own log', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const first = await createVendor({ slug: 'ab-1', name: 'Stadtwerke Nord GmbH' })
    const second = await createVendor({ slug: 'ab-2', name: 'Stadtwerke Süd GmbH' })
    const other = await createVendor({ slug: 'stadtwerke', name: '100% Kommune' })
    const audit = new AuditService()
    for (const vendor of [first, second, other]) {
      await audit.record(editor, {
        action: 'vendor.archive',
        subjectType: 'vendor',
        subjectId: vendor.id,
        vendorId: vendor.id,
      })
    }
    const count = (html: string) => html.match(/data-audit="/g)?.length ?? 0

    const both = await client
      .get(urlFor('editorial.audit', [], { qs: { vendor: 'STADTWERKE' } }))
      .loginAs(editor)
    both.assertStatus(200)
    assert.equal(count(both.text()), 2)
    both.assertTextIncludes('Einträge zu Anbietern mit „STADTWERKE“ im Namen')

    const one = await client
      .get(urlFor('editorial.audit', [], { qs: { vendor: 'werke süd' } }))
      .loginAs(editor)
    assert.equal(count(one.text()), 1)
    one.assertTextIncludes('Einträge zu „Stadtwerke Süd GmbH“')

    // A slug is no name; "%" matches itself.
    const slug = await client
      .get(urlFor('editorial.audit', [], { qs: { vendor: 'ab-1' } }))
      .loginAs(editor)
    slug.assertStatus(422)
    const percent = await client
      .get(urlFor('editorial.audit', [], { qs: { vendor: '0%' } }))
      .loginAs(editor)
    assert.equal(count(percent.text()), 1)
    percent.assertTextIncludes('100% Kommune')

    const page = await client
      .get(urlFor('editorial.vendors.show', { id: first.id }))
      .loginAs(editor)
    const link = urlFor('editorial.audit', [], { qs: { vendorId: first.id } })
    page.assertTextIncludes(`href="${link}"`)
    const own = await client.get(link).loginAs(editor)
    assert.equal(count(own.text()), 1)
    own.assertTextIncludes('Einträge zu „Stadtwerke Nord GmbH“')
  })
})
