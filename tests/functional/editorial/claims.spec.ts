import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditLog from '#models/audit_log'
import VendorMember from '#models/vendor_member'
import ModerationDecisionNotification from '#mails/moderation_decision_notification'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { pendingClaim } from './fixtures.js'

test.group('Editorial / claims', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => mail.restore())

  test('the claim page shows the claimant and the message as text', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const claimant = await createUser({ name: 'Clara Claimant', email: 'clara@example.test' })
    const vendor = await createVendor({ name: 'brain-SCC GmbH' })
    const claim = await pendingClaim(vendor, claimant, 'Ich bin die <b>Geschäftsführerin</b>.')

    const response = await client
      .get(urlFor('editorial.claims.show', { id: claim.id }))
      .loginAs(editor)

    response.assertStatus(200)
    response.assertTextIncludes('brain-SCC GmbH')
    response.assertTextIncludes('Clara Claimant &lt;clara@example.test&gt;')
    response.assertTextIncludes('Ich bin die &lt;b&gt;Geschäftsführerin&lt;/b&gt;.')
    assert.notInclude(response.text(), '<b>Geschäftsführerin')
    response.assertTextIncludes(`action="${urlFor('editorial.claims.grant', { id: claim.id })}"`)
  })

  test('granting makes the claimant an owner, audits it and mails them', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const editor = await createUser({ role: 'editor' })
    const claimant = await createUser({ email: 'clara@example.test', locale: 'en' })
    const vendor = await createVendor({ name: 'brain-SCC GmbH' })
    const claim = await pendingClaim(vendor, claimant)

    const response = await client
      .post(urlFor('editorial.claims.grant', { id: claim.id }))
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('editorial.queue'))
    await claim.refresh()
    assert.equal(claim.status, 'granted')
    assert.equal(claim.decidedById, editor.id)
    const members = await VendorMember.query().where('vendor_id', vendor.id)
    assert.deepEqual(
      members.map((m) => [m.userId, m.role]),
      [[claimant.id, 'owner']]
    )
    const entry = await AuditLog.query().where('action', 'claim.grant').firstOrFail()
    assert.equal(entry.vendorId, vendor.id)
    assert.deepEqual(entry.after, { status: 'granted', userId: claimant.id, role: 'owner' })
    mails.assertSent(ModerationDecisionNotification, ({ message }) => {
      return (
        message.hasTo('clara@example.test') && message.hasSubject('You now manage “brain-SCC GmbH”')
      )
    })

    const queue = await client.get(urlFor('editorial.queue')).loginAs(editor)
    assert.notInclude(queue.text(), `data-queue-item="claim-${claim.id}"`)
  })

  test('refusing needs a reason and leaves the vendor without members', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const editor = await createUser({ role: 'editor' })
    const claimant = await createUser({ email: 'clara@example.test' })
    const vendor = await createVendor({ name: 'brain-SCC GmbH' })
    const claim = await pendingClaim(vendor, claimant)

    const missing = await client
      .post(urlFor('editorial.claims.refuse', { id: claim.id }))
      .form({ reason: '' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    missing.assertFlashMessage('inputErrorsBag', {
      reason: ['Bitte geben Sie eine Begründung an.'],
    })

    await client
      .post(urlFor('editorial.claims.refuse', { id: claim.id }))
      .form({ reason: 'Bitte mit einer Firmenadresse anfragen.' })
      .loginAs(editor)
      .withCsrfToken()

    await claim.refresh()
    assert.equal(claim.status, 'refused')
    assert.equal(claim.reason, 'Bitte mit einer Firmenadresse anfragen.')
    assert.lengthOf(await VendorMember.query().where('vendor_id', vendor.id), 0)
    mails.assertSent(ModerationDecisionNotification, (notification) => {
      notification.message.assertHtmlIncludes('Bitte mit einer Firmenadresse anfragen.')
      return notification.message.hasSubject('Ihre Übernahme von „brain-SCC GmbH“ wurde abgelehnt')
    })
    const entry = await AuditLog.query().where('action', 'claim.refuse').firstOrFail()
    assert.deepEqual(entry.before, { status: 'pending' })
  })
})
