import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import mail from '@adonisjs/mail/services/main'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import type Vendor from '#models/vendor'
import VendorInvitation from '#models/vendor_invitation'
import VendorMember from '#models/vendor_member'
import type VendorInvitationNotification from '#mails/vendor_invitation_notification'
import { hashToken } from '#services/accounts/single_use_token'
import { createUser } from '#tests/helpers/users'
import { addMember, ownedVendor } from '#tests/helpers/vendor_accounts'
import limiter from '@adonisjs/limiter/services/main'

async function invite(
  client: ApiClient,
  vendor: Vendor,
  owner: User,
  email: string,
  role = 'member'
) {
  const { mails } = mail.fake()
  const response = await client
    .post(urlFor('account.vendors.invitations.store', { id: vendor.id }))
    .header('referer', urlFor('account.vendors.show', { id: vendor.id }))
    .form({ email, role })
    .withCsrfToken()
    .loginAs(owner)
    .redirects(0)
  const [sent] = mails.sent() as VendorInvitationNotification[]
  return { response, sent, token: sent ? new URL(sent.url).pathname.split('/').pop()! : null }
}

test.group('Account / members and invitations', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))
  group.each.teardown(() => mail.restore())

  test("an owner invites by e-mail: a 7-day link in the recipient's language, only the hash stored", async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({ attributes: { name: 'Kommunal IT GmbH' } })
    await createUser({ email: 'kollegin@example.test', locale: 'en' })

    const { response, sent, token } = await invite(client, vendor, owner, ' Kollegin@Example.test ')

    response.assertStatus(302)
    response.assertFlashMessage('notice', 'Die Einladung an kollegin@example.test ist verschickt.')
    assert.match(token!, /^[A-Za-z0-9_-]{43}$/)
    assert.match(
      sent.url,
      new RegExp(`^http://[^/]+${urlFor('account.invitations.show', { token: token! })}$`)
    )
    await sent.message.computeContents()
    sent.message.assertTo('kollegin@example.test')
    sent.message.assertSubject('Invitation to Kommunal IT GmbH')
    sent.message.assertTextIncludes(sent.url)
    sent.message.assertHtmlIncludes('View invitation')

    const stored = await VendorInvitation.query().where('vendor_id', vendor.id)
    assert.lengthOf(stored, 1)
    assert.equal(stored[0].email, 'kollegin@example.test')
    assert.equal(stored[0].tokenHash, hashToken(token!))
    assert.notEqual(stored[0].tokenHash, token)
    const days = stored[0].expiresAt.diffNow('days').days
    assert.isAbove(days, 6.9)
    assert.isAtMost(days, 7)

    const page = await client.get(urlFor('account.vendors.show', { id: vendor.id })).loginAs(owner)
    page.assertTextIncludes('Offene Einladungen')
    page.assertTextIncludes('kollegin@example.test')
  })

  test('the invited user accepts while signed in and becomes a member', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({ attributes: { name: 'Kommunal IT GmbH' } })
    const colleague = await createUser({ email: 'kollege@example.test' })
    const { token } = await invite(client, vendor, owner, 'kollege@example.test', 'owner')

    const page = await client
      .get(urlFor('account.invitations.show', { token: token! }))
      .loginAs(colleague)
    page.assertStatus(200)
    page.assertTextIncludes('Einladung zu Kommunal IT GmbH')
    page.assertTextIncludes('als Inhaber/in')

    const response = await client
      .post(urlFor('account.invitations.accept', { token: token! }))
      .withCsrfToken()
      .loginAs(colleague)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', urlFor('account.vendors.show', { id: vendor.id }))
    const member = await VendorMember.query()
      .where('vendor_id', vendor.id)
      .where('user_id', colleague.id)
      .firstOrFail()
    assert.equal(member.role, 'owner')

    // The link works once.
    const again = await client
      .post(urlFor('account.invitations.accept', { token: token! }))
      .withCsrfToken()
      .loginAs(colleague)
    again.assertStatus(404)
    again.assertTextIncludes(
      'Diese Einladung ist abgelaufen, wurde schon angenommen oder gilt nicht mehr.'
    )
  })

  test('another signed-in user cannot use the link', async ({ client, assert }) => {
    const { vendor, owner } = await ownedVendor()
    const stranger = await createUser()
    const { token } = await invite(client, vendor, owner, 'eingeladen@example.test')

    const page = await client
      .get(urlFor('account.invitations.show', { token: token! }))
      .loginAs(stranger)
    page.assertStatus(200)
    page.assertTextIncludes(
      'Diese Einladung ging an eine andere E-Mail-Adresse als die Ihres Kontos.'
    )
    // Whoever holds the link never learns the invited address.
    assert.notInclude(page.text(), 'eingeladen@example.test')
    assert.notInclude(page.text(), 'Einladung annehmen')

    const response = await client
      .post(urlFor('account.invitations.accept', { token: token! }))
      .withCsrfToken()
      .loginAs(stranger)
    response.assertStatus(403)
    response.assertTextIncludes('Diese Einladung ging an eine andere E-Mail-Adresse.')
    assert.lengthOf(await VendorMember.query().where('user_id', stranger.id), 0)
  })

  test('an expired or unknown link is refused', async ({ client, assert }) => {
    const { vendor, owner } = await ownedVendor()
    const invited = await createUser({ email: 'spaet@example.test' })
    const { token } = await invite(client, vendor, owner, 'spaet@example.test')
    await VendorInvitation.query()
      .where('vendor_id', vendor.id)
      .update({ expiresAt: DateTime.now().minus({ minutes: 1 }).toFormat('yyyy-MM-dd HH:mm:ss') })

    const expired = await client
      .post(urlFor('account.invitations.accept', { token: token! }))
      .withCsrfToken()
      .loginAs(invited)
    expired.assertStatus(404)
    const unknown = await client
      .get(urlFor('account.invitations.show', { token: 'nicht-echt' }))
      .loginAs(invited)
    unknown.assertStatus(404)
    assert.lengthOf(await VendorMember.query().where('user_id', invited.id), 0)
  })

  test('inviting someone who already belongs is refused by the field', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor()
    const { response, sent } = await invite(client, vendor, owner, owner.email)
    response.assertFlashMessage('inputErrorsBag', {
      email: ['Diese Person gehört schon zu diesem Anbieter.'],
    })
    assert.isUndefined(sent)
  })

  test('a plain member cannot invite or remove others', async ({ client, assert }) => {
    const { vendor, owner } = await ownedVendor()
    const member = await createUser()
    await addMember(vendor, member, 'member')
    const ownerRow = await VendorMember.findByOrFail('user_id', owner.id)

    const { response } = await invite(client, vendor, member, 'x@example.test')
    response.assertStatus(403)
    const removal = await client
      .delete(urlFor('account.vendors.members.destroy', { id: vendor.id, memberId: ownerRow.id }))
      .withCsrfToken()
      .loginAs(member)
    removal.assertStatus(403)
    assert.lengthOf(await VendorInvitation.query().where('vendor_id', vendor.id), 0)
    assert.lengthOf(await VendorMember.query().where('vendor_id', vendor.id), 2)
  })

  test('an owner removes a member; a member leaves', async ({ client, assert }) => {
    const { vendor, owner } = await ownedVendor()
    const first = await createUser()
    const second = await createUser()
    const firstRow = await addMember(vendor, first, 'member')
    const secondRow = await addMember(vendor, second, 'member')

    const removal = await client
      .delete(urlFor('account.vendors.members.destroy', { id: vendor.id, memberId: firstRow.id }))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    removal.assertFlashMessage('notice', 'Das Mitglied ist entfernt.')

    const leaving = await client
      .delete(urlFor('account.vendors.members.destroy', { id: vendor.id, memberId: secondRow.id }))
      .withCsrfToken()
      .loginAs(second)
      .redirects(0)
    leaving.assertHeader('location', urlFor('account.vendors.index'))
    const left = await VendorMember.query().where('vendor_id', vendor.id)
    assert.deepEqual(
      left.map((m) => m.userId),
      [owner.id]
    )
  })

  test('when the last owner leaves, the longest-standing member becomes owner', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor()
    const member = await createUser()
    await addMember(vendor, member, 'member')
    const ownerRow = await VendorMember.findByOrFail('user_id', owner.id)

    const leaving = await client
      .delete(urlFor('account.vendors.members.destroy', { id: vendor.id, memberId: ownerRow.id }))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    leaving.assertStatus(302)
    const rows = await VendorMember.query().where('vendor_id', vendor.id)
    assert.deepEqual(
      rows.map((m) => [m.userId, m.role]),
      [[member.id, 'owner']]
    )
  })

  test('when the last member leaves, the vendor stays published and can be claimed again', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({ attributes: { name: 'Verwaist GmbH' } })
    const ownerRow = await VendorMember.findByOrFail('user_id', owner.id)

    const before = await client.get(urlFor('vendors.show', { slug: vendor.slug }))
    assert.notInclude(before.text(), 'Eintrag übernehmen')

    await client
      .delete(urlFor('account.vendors.members.destroy', { id: vendor.id, memberId: ownerRow.id }))
      .withCsrfToken()
      .loginAs(owner)

    await vendor.refresh()
    assert.equal(vendor.status, 'published')
    assert.lengthOf(await VendorMember.query().where('vendor_id', vendor.id), 0)
    const after = await client.get(urlFor('vendors.show', { slug: vendor.slug }))
    after.assertStatus(200)
    after.assertTextIncludes(`href="${urlFor('account.claims.create', { slug: vendor.slug })}"`)
    after.assertTextIncludes('Eintrag übernehmen')
  })
})
