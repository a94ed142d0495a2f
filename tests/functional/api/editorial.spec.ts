import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditLog from '#models/audit_log'
import VendorRevision from '#models/vendor_revision'
import ModerationDecisionNotification from '#mails/moderation_decision_notification'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { pendingClaim, pendingRevision, pendingVendor } from '../editorial/fixtures.js'
import { addMember } from '#tests/helpers/vendor_accounts'

const XSS_NAME = '<script>alert(1)</script><svg onload=alert(2)>'

test.group('API / editorial', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => mail.restore())

  test('GET /api/v1/editorial/queue lists every open item, oldest first', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser({ name: 'Olga Owner' })
    const base = DateTime.fromISO('2026-02-01T08:00:00Z')
    const published = await createVendor({ slug: 'offen-gmbh', name: 'Offen GmbH' })
    const fresh = await pendingVendor(owner, base.plus({ minutes: 30 }), {
      slug: 'neu-ag',
      name: XSS_NAME,
    })
    const revision = await pendingRevision(published, owner, { city: 'Halle' }, base)
    const claim = await pendingClaim(published, owner, null, base.plus({ hours: 1 }))

    const response = await client
      .get(urlFor('api.v1.editorial.queue'))
      .withGuard('api')
      .loginAs(editor)

    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const data = response.body().data
    assert.deepEqual(
      data.map((item: { type: string; id: number }) => [item.type, item.id]),
      [
        ['revision', revision.id],
        ['vendor', fresh.id],
        ['claim', claim.id],
      ]
    )
    assert.deepEqual(data[0], {
      type: 'revision',
      id: revision.id,
      vendor: { slug: 'offen-gmbh', name: 'Offen GmbH', status: 'published' },
      submittedAt: '2026-02-01T08:00:00.000Z',
      submittedBy: { id: owner.id, name: 'Olga Owner' },
    })
    // JSON carries text as text; it is never HTML-rendered here.
    assert.equal(data[1].vendor.name, XSS_NAME)
    assert.include(response.header('content-type'), 'application/json')
  })

  test('approve applies the revision and answers with its status', async ({ client, assert }) => {
    const { mails } = mail.fake()
    const editor = await createUser({ role: 'editor' })
    const owner = await createUser({ email: 'owner@example.test' })
    const vendor = await createVendor({ slug: 'offen-gmbh', name: 'Offen GmbH' })
    await addMember(vendor, owner)
    const revision = await pendingRevision(vendor, owner, { name: 'Offen und Neu GmbH' })

    const response = await client
      .post(urlFor('api.v1.editorial.revisions.approve', { id: revision.id }))
      .withGuard('api')
      .loginAs(editor)

    response.assertStatus(200)
    assert.deepInclude(response.body().data, { id: revision.id, status: 'approved', reason: null })
    assert.isString(response.body().data.decidedAt)
    const publicVendor = await client.get(urlFor('api.v1.vendors.show', { slug: 'offen-gmbh' }))
    assert.equal(publicVendor.body().data.name, 'Offen und Neu GmbH')
    mails.assertSent(ModerationDecisionNotification, ({ message }) =>
      message.hasTo('owner@example.test')
    )
    const entry = await AuditLog.findByOrFail('action', 'revision.approve')
    assert.equal(entry.actorId, editor.id)

    const again = await client
      .post(urlFor('api.v1.editorial.revisions.approve', { id: revision.id }))
      .withGuard('api')
      .loginAs(editor)
    again.assertStatus(409)
    assert.deepEqual(again.body(), {
      errors: [{ field: null, message: 'Darüber wurde bereits entschieden.' }],
    })
  })

  test('reject needs a reason (422) and keeps the public version', async ({ client, assert }) => {
    mail.fake()
    const editor = await createUser({ role: 'editor' })
    const vendor = await createVendor({ slug: 'offen-gmbh', name: 'Offen GmbH' })
    const revision = await pendingRevision(vendor, null, { name: 'Abgelehnt GmbH' })

    const missing = await client
      .post(urlFor('api.v1.editorial.revisions.reject', { id: revision.id }))
      .json({})
      .withGuard('api')
      .loginAs(editor)
    missing.assertStatus(422)
    assert.equal(missing.body().errors[0].field, 'reason')
    const stillPending = await VendorRevision.findOrFail(revision.id)
    assert.equal(stillPending.status, 'pending')

    const response = await client
      .post(urlFor('api.v1.editorial.revisions.reject', { id: revision.id }))
      .json({ reason: 'Name passt nicht.' })
      .withGuard('api')
      .loginAs(editor)
    response.assertStatus(200)
    assert.deepInclude(response.body().data, { status: 'rejected', reason: 'Name passt nicht.' })
    const publicVendor = await client.get(urlFor('api.v1.vendors.show', { slug: 'offen-gmbh' }))
    assert.equal(publicVendor.body().data.name, 'Offen GmbH')
  })

  test('401 without a token, 403 for members, 404 for unknown revisions', async ({
    client,
    assert,
  }) => {
    const owner = await createUser()
    const editor = await createUser({ role: 'editor' })
    const vendor = await createVendor({ slug: 'offen-gmbh', name: 'Offen GmbH' })
    await addMember(vendor, owner)
    const revision = await pendingRevision(vendor, owner, { name: 'Heimlich GmbH' })

    const requests = [
      () => client.get(urlFor('api.v1.editorial.queue')),
      () => client.post(urlFor('api.v1.editorial.revisions.approve', { id: revision.id })),
      () =>
        client
          .post(urlFor('api.v1.editorial.revisions.reject', { id: revision.id }))
          .json({ reason: 'x y z' }),
    ]
    for (const request of requests) {
      const guest = await request()
      guest.assertStatus(401)
      assert.isNull(guest.body().errors[0].field)
      const bad = await request().bearerToken('av_not-a-real-token')
      bad.assertStatus(401)
      const asMember = await request().withGuard('api').loginAs(owner)
      asMember.assertStatus(403)
      assert.isString(asMember.body().errors[0].message)
    }
    const untouched = await VendorRevision.findOrFail(revision.id)
    assert.equal(untouched.status, 'pending')

    const unknown = await client
      .post(urlFor('api.v1.editorial.revisions.approve', { id: 999999 }))
      .withGuard('api')
      .loginAs(editor)
    unknown.assertStatus(404)
    const unknownReject = await client
      .post(urlFor('api.v1.editorial.revisions.reject', { id: 999999 }))
      .json({ reason: 'Gibt es nicht.' })
      .withGuard('api')
      .loginAs(editor)
    unknownReject.assertStatus(404)
    // Literal path: urlFor would build it, but the point is an id that is no number.
    const notANumber = await client
      .post('/api/v1/editorial/revisions/abc/approve')
      .withGuard('api')
      .loginAs(editor)
    notANumber.assertStatus(404)
  })
})
