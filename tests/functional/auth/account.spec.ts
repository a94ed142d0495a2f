import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { Bouncer } from '@adonisjs/bouncer'
import User from '#models/user'
import Vendor from '#models/vendor'
import VendorMember from '#models/vendor_member'
import VendorClaim from '#models/vendor_claim'
import VendorInvitation from '#models/vendor_invitation'
import AuditLog from '#models/audit_log'
import UserToken from '#models/user_token'
import VendorPolicy from '#policies/vendor_policy'
import AuditService from '#services/audit_service'
import { createVendor } from '#tests/helpers/directory'
import { addMember } from '#tests/helpers/vendor_accounts'
import { pendingClaim, pendingRevision } from '#tests/functional/editorial/fixtures'
import { UserTokenFactory } from '#database/factories/user_token_factory'
import { VendorInvitationFactory } from '#database/factories/vendor_invitation_factory'
import { createUser, DEFAULT_PASSWORD } from '#tests/helpers/users'
import { appKey } from '#config/app'

/** A user with something in every table that holds personal data. */
async function userWithHistory() {
  const user = await createUser({ name: 'Paula Privat', email: 'paula.privat@example.test' })
  const colleague = await createUser({ name: 'Carl Colleague' })
  const editor = await createUser({ role: 'editor' })

  const solo = await createVendor({ name: 'Solo Published GmbH' })
  const shared = await createVendor({ name: 'Shared Published GmbH' })
  const claimed = await createVendor({ name: 'Claimed Published GmbH' })
  const draft = await createVendor({ name: 'Paulas Entwurf GmbH', status: 'draft' })
  await addMember(solo, user)
  await addMember(shared, user, 'member')
  await addMember(shared, colleague)
  await addMember(draft, user)
  await pendingClaim(claimed, user, 'Das ist unsere Firma, Paula Privat')
  const revision = await pendingRevision(solo, user, { description: 'Neue Beschreibung' })
  await new AuditService().record(user, {
    action: 'vendor.submitted',
    subjectType: 'vendor',
    subjectId: solo.id,
    vendorId: solo.id,
  })
  await new AuditService().record(editor, {
    action: 'user.role',
    subjectType: 'user',
    subjectId: user.id,
    before: { role: 'member', email: user.email },
    after: { role: 'member', email: user.email, name: user.name },
  })
  await User.accessTokens.create(user)
  await UserTokenFactory.merge({ userId: user.id }).create()
  await VendorInvitationFactory.merge({
    vendorId: shared.id,
    invitedById: colleague.id,
    email: user.email,
  }).create()
  return { user, colleague, editor, solo, shared, claimed, draft, revision }
}

/** Every row of every table that can hold a person's data, as one string. */
async function everything() {
  const tables = [
    'users',
    'vendor_members',
    'user_tokens',
    'vendor_invitations',
    'vendor_revisions',
    'vendor_claims',
    'audit_logs',
    'auth_access_tokens',
    'vendors',
  ]
  const rows = await Promise.all(tables.map((table) => db.from(table).select('*')))
  return JSON.stringify(rows)
}

test.group('Account home', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('needs a log-in', async ({ client }) => {
    for (const path of [urlFor('account.home'), urlFor('account.export')]) {
      const response = await client.get(path).redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', urlFor('auth.login'))
    }
    const post = await client
      .post(urlFor('account.delete'))
      .form({ password: 'x' })
      .withCsrfToken()
      .redirects(0)
    post.assertHeader('location', urlFor('auth.login'))
  })

  test('shows the profile, the role, the vendors and the privacy tools', async ({ client }) => {
    const user = await createUser({ name: 'Erika Muster', email: 'erika@example.test' })
    const vendor = await createVendor({ name: 'Muster & Söhne GmbH' })
    await addMember(vendor, user)

    const response = await client.get(urlFor('account.home')).loginAs(user)

    response.assertStatus(200)
    response.assertTextIncludes('<h1>Mein Konto</h1>')
    response.assertTextIncludes('erika@example.test')
    response.assertTextIncludes('value="Erika Muster"')
    response.assertTextIncludes('bestätigt')
    response.assertTextIncludes('Mitglied')
    response.assertTextIncludes('Muster &amp; Söhne GmbH')
    response.assertTextIncludes(`href="${urlFor('account.export')}"`)
    response.assertTextIncludes(`action="${urlFor('account.delete')}"`)
    response.assertTextIncludes('<option value="de" selected>Deutsch</option>')
  })

  test('links to the vendor area, and to the editorial area for editors only', async ({
    client,
    assert,
  }) => {
    const member = await createUser()
    const editor = await createUser({ role: 'editor' })

    const memberPage = await client.get(urlFor('account.home')).loginAs(member)
    const editorPage = await client.get(urlFor('account.home')).loginAs(editor)

    for (const page of [memberPage, editorPage]) {
      page.assertTextIncludes(`<a href="${urlFor('account.vendors.index')}">Meine Anbieter</a>`)
    }
    editorPage.assertTextIncludes(`<a href="${urlFor('editorial.queue')}">Redaktion</a>`)
    editorPage.assertTextIncludes('Redaktion</dd>')
    assert.notInclude(memberPage.text(), `href="${urlFor('editorial.queue')}"`)
  })

  test('the language setting changes the language of the user’s pages', async ({
    client,
    assert,
  }) => {
    const user = await createUser({ locale: 'de' })

    const response = await client
      .post(urlFor('account.update'))
      .loginAs(user)
      .form({ name: 'Erika Neu', locale: 'en' })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', urlFor('account.home'))
    response.assertFlashMessage('notice', 'Your settings have been saved.')
    await user.refresh()
    assert.equal(user.locale, 'en')
    assert.equal(user.name, 'Erika Neu')

    const page = await client.get(urlFor('account.home')).loginAs(user)
    page.assertTextIncludes('<html lang="en">')
    page.assertTextIncludes('<h1>My account</h1>')
    // An explicit ?lang= still wins for that page.
    const german = await client
      .get(urlFor('account.home', [], { qs: { lang: 'de' } }))
      .loginAs(user)
    german.assertTextIncludes('<h1>Mein Konto</h1>')
  })

  test('refuses an unknown language and an empty name', async ({ client, assert }) => {
    const user = await createUser({ locale: 'de' })

    const response = await client
      .post(urlFor('account.update'))
      .loginAs(user)
      .form({ name: '', locale: 'fr' })
      .withCsrfToken()
      .redirects(0)

    response.assertHasValidationError('locale')
    response.assertValidationError('name', 'Bitte füllen Sie das Feld „Name“ aus.')
    await user.refresh()
    assert.equal(user.locale, 'de')
  })
})

test.group('Privacy: export', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('downloads all of the user’s data as JSON, and nobody else’s', async ({
    client,
    assert,
  }) => {
    const { user, solo, shared, claimed, revision } = await userWithHistory()

    const response = await client.get(urlFor('account.export')).loginAs(user)

    response.assertStatus(200)
    assert.include(response.header('content-type'), 'application/json')
    assert.match(
      response.header('content-disposition') ?? '',
      /^attachment; filename="[^"]+\.json"$/
    )
    const data = response.body()
    assert.deepInclude(data.profile, {
      id: user.id,
      name: 'Paula Privat',
      email: 'paula.privat@example.test',
      role: 'member',
      locale: 'de',
    })
    assert.sameDeepMembers(
      data.memberships.map((m: any) => ({ slug: m.vendor.slug, role: m.role })),
      [
        { slug: solo.slug, role: 'owner' },
        { slug: shared.slug, role: 'member' },
        {
          slug: data.memberships.find((m: any) => m.vendor.name === 'Paulas Entwurf GmbH').vendor
            .slug,
          role: 'owner',
        },
      ]
    )
    assert.deepEqual(
      data.claims.map((c: any) => [c.vendor.slug, c.status, c.message]),
      [[claimed.slug, 'pending', 'Das ist unsere Firma, Paula Privat']]
    )
    assert.lengthOf(data.revisions, 1)
    assert.equal(data.revisions[0].id, revision.id)
    assert.equal(data.revisions[0].data.description, 'Neue Beschreibung')
    assert.deepEqual(
      data.auditEntries.map((e: any) => e.action),
      ['vendor.submitted']
    )
    assert.lengthOf(data.apiTokens, 1)
    assert.lengthOf(data.passwordResets, 1)
    // Secrets are not personal data to hand out: no password hash, no token hashes.
    const raw = response.text()
    assert.notInclude(raw, user.password)
    assert.notMatch(raw, /"(password|hash|tokenHash)"/)
    assert.notInclude(raw, 'Carl Colleague')
  })
})

test.group('Privacy: deleting the account', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a wrong password deletes nothing', async ({ client, assert }) => {
    const user = await createUser()

    const response = await client
      .post(urlFor('account.delete'))
      .loginAs(user)
      .header('referer', urlFor('account.home', [], { prefixUrl: 'http://localhost' }))
      .form({ password: 'not-my-password' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertValidationError('password', 'Das Passwort stimmt nicht.')
    response.assertFlashMissing('password')
    assert.isNotNull(await User.find(user.id))
  })

  test('leaves no personal data behind; the audit log keeps a pseudonym', async ({
    client,
    assert,
  }) => {
    const { user, colleague, solo, shared, claimed, draft, revision } = await userWithHistory()
    assert.include(await everything(), 'paula.privat@example.test')

    const response = await client
      .post(urlFor('account.delete'))
      .loginAs(user)
      .form({ password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('auth.login'))
    response.assertFlashMessage('notice', 'Ihr Konto ist gelöscht.')
    response.assertSessionMissing('auth_web')

    assert.isNull(await User.find(user.id))
    const dump = await everything()
    for (const personal of ['paula.privat@example.test', 'Paula Privat']) {
      assert.notInclude(dump, personal)
    }
    assert.lengthOf(await VendorMember.query().where('user_id', user.id), 0)
    assert.lengthOf(await VendorClaim.query().where('user_id', user.id), 0)
    assert.lengthOf(await UserToken.query().where('user_id', user.id), 0)
    assert.lengthOf(await db.from('auth_access_tokens').where('tokenable_id', user.id), 0)
    assert.lengthOf(await VendorInvitation.query().where('email', 'paula.privat@example.test'), 0)

    // The proposed change stays, without an author.
    await revision.refresh()
    assert.isNull(revision.authorId)
    assert.equal(revision.data.description, 'Neue Beschreibung')

    // The audit log keeps the entry, under a stable pseudonym.
    const pseudonym = AuditService.pseudonymFor(user.id, appKey.release())
    const submitted = await AuditLog.findByOrFail('action', 'vendor.submitted')
    assert.isNull(submitted.actorId)
    assert.equal(submitted.actorLabel, pseudonym)
    const roleChange = await AuditLog.findByOrFail('action', 'user.role')
    assert.deepEqual(roleChange.after, { role: 'member', email: pseudonym, name: pseudonym })

    // Published vendors stay published; the one without members can be claimed again.
    await solo.refresh()
    assert.equal(solo.status, 'published')
    assert.lengthOf(await VendorMember.query().where('vendor_id', solo.id), 0)
    const newcomer = await createUser()
    const bouncer = new Bouncer(newcomer)
    assert.isTrue(await bouncer.with(VendorPolicy).allows('claim', solo))
    const publicPage = await client.get(urlFor('vendors.show', { slug: solo.slug }))
    publicPage.assertStatus(200)

    // The shared vendor keeps its other owner; the never-published draft of Paula alone is gone.
    const sharedMembers = await VendorMember.query().where('vendor_id', shared.id)
    assert.deepEqual(
      sharedMembers.map((m) => m.userId),
      [colleague.id]
    )
    assert.isNull(await Vendor.find(draft.id))
    await claimed.refresh()
    assert.equal(claimed.status, 'published')
  })
})
