import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import ModerationDecisionNotification from '#mails/moderation_decision_notification'
import { appUrl } from '#services/mail/app_url'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { addMember } from '#tests/helpers/vendor_accounts'
import { pendingRevision, pendingVendor } from './fixtures.js'

/** The mail of one recipient, with its HTML and text rendered. */
function mailTo(
  mails: ReturnType<typeof mail.fake>['mails'],
  address: string
): ModerationDecisionNotification {
  const sent = mails
    .sent()
    .filter((m): m is ModerationDecisionNotification => m instanceof ModerationDecisionNotification)
    .find((m) => m.message.hasTo(address))
  if (!sent) throw new Error(`no decision mail to ${address}`)
  return sent
}

test.group('Editorial / decision mails', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => mail.restore())

  test('an approved change is "yours" only for its author; every member is greeted by their own name', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const editor = await createUser({ role: 'editor' })
    const author = await createUser({ name: 'Anna Autorin', email: 'anna@example.test' })
    const colleague = await createUser({ name: 'Kurt Kollege', email: 'kurt@example.test' })
    const abroad = await createUser({
      name: 'Emma English',
      email: 'emma@example.test',
      locale: 'en',
    })
    const vendor = await createVendor({ name: 'Teamwerk GmbH' })
    await addMember(vendor, author)
    await addMember(vendor, colleague, 'member')
    await addMember(vendor, abroad, 'member')
    const revision = await pendingRevision(vendor, author, { city: 'Merseburg' })

    await client
      .post(urlFor('editorial.revisions.approve', { id: revision.id }))
      .loginAs(editor)
      .withCsrfToken()

    const own = mailTo(mails, 'anna@example.test')
    assert.isTrue(own.message.hasSubject('Ihre Änderung an „Teamwerk GmbH“ ist veröffentlicht'))
    own.message.assertHtmlIncludes('Hallo Anna Autorin,')
    own.message.assertHtmlIncludes('Ihre Änderung am Eintrag')

    const other = mailTo(mails, 'kurt@example.test')
    assert.isTrue(other.message.hasSubject('Eine Änderung an „Teamwerk GmbH“ ist veröffentlicht'))
    other.message.assertHtmlIncludes('Hallo Kurt Kollege,')
    other.message.assertHtmlIncludes('die Änderung von Anna Autorin am Eintrag')
    assert.notInclude(other.message.toJSON().message.html!, 'Ihre Änderung')
    assert.notInclude(other.message.toJSON().message.html!, 'Anna Autorin,')
    other.message.assertTextIncludes('Hallo Kurt Kollege,')

    const english = mailTo(mails, 'emma@example.test')
    assert.isTrue(english.message.hasSubject('A change to “Teamwerk GmbH” is published'))
    english.message.assertHtmlIncludes('Hello Emma English,')
    english.message.assertHtmlIncludes('the change by Anna Autorin')
    assert.notInclude(english.message.toJSON().message.html!, 'your change')
  })

  test('a rejected change: every mail button opens the entry’s edit form, as an absolute URL', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const editor = await createUser({ role: 'editor' })
    const author = await createUser({ email: 'anna@example.test' })
    const colleague = await createUser({ email: 'kurt@example.test' })
    const vendor = await createVendor({ name: 'Teamwerk GmbH' })
    await addMember(vendor, author)
    await addMember(vendor, colleague, 'member')
    const revision = await pendingRevision(vendor, author, { city: 'Merseburg' })

    await client
      .post(urlFor('editorial.revisions.reject', { id: revision.id }))
      .form({ reason: 'Die PLZ passt nicht.' })
      .loginAs(editor)
      .withCsrfToken()

    const edit = `${appUrl()}${urlFor('account.vendors.edit', { id: vendor.id })}`
    assert.match(edit, /^https?:\/\//)
    for (const address of ['anna@example.test', 'kurt@example.test']) {
      const sent = mailTo(mails, address)
      sent.message.assertHtmlIncludes(`href="${edit}"`)
      sent.message.assertHtmlIncludes('Eintrag bearbeiten')
      sent.message.assertTextIncludes(edit)
    }
    assert.isTrue(
      mailTo(mails, 'kurt@example.test').message.hasSubject(
        'Eine Änderung an „Teamwerk GmbH“ wurde abgelehnt'
      )
    )
  })

  test('a rejected new vendor: the button opens its edit form', async ({ client, assert }) => {
    const { mails } = mail.fake()
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser({ email: 'olga@example.test' })
    const vendor = await pendingVendor(owner, DateTime.now(), { name: 'Neuling GmbH' })

    await client
      .post(urlFor('editorial.vendors.reject', { id: vendor.id }))
      .form({ reason: 'Bitte die Adresse ergänzen.' })
      .loginAs(editor)
      .withCsrfToken()

    const sent = mailTo(mails, 'olga@example.test')
    const edit = `${appUrl()}${urlFor('account.vendors.edit', { id: vendor.id })}`
    sent.message.assertHtmlIncludes(`href="${edit}"`)
    assert.notInclude(
      sent.message.toJSON().message.html!,
      `href="${appUrl()}${urlFor('account.vendors.index')}"`
    )
  })
})
