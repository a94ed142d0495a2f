import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import VendorClaim from '#models/vendor_claim'
import AuditLog from '#models/audit_log'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { addMember } from '#tests/helpers/vendor_accounts'

test.group('Account / claiming a vendor without members', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the public profile links to the claim page, in both languages, and sets no cookie', async ({
    client,
    assert,
  }) => {
    const vendor = await createVendor({ name: 'brain-SCC GmbH', slug: 'brain-scc' })

    const german = await client.get(urlFor('vendors.show', { slug: 'brain-scc' }))
    german.assertStatus(200)
    german.assertTextIncludes(
      `<a href="${urlFor('account.claims.create', { slug: 'brain-scc' })}" rel="nofollow">Eintrag übernehmen</a>`
    )
    assert.notExists(german.header('set-cookie'))

    const english = await client.get(
      urlFor('vendors.show', { slug: 'brain-scc' }, { qs: { lang: 'en' } })
    )
    english.assertTextIncludes(
      `<a href="${urlFor('account.claims.create', { slug: 'brain-scc' }, { qs: { lang: 'en' } })}" rel="nofollow">Claim this entry</a>`
    )
    assert.notExists(english.header('set-cookie'))

    await addMember(vendor, await createUser())
    const owned = await client.get(urlFor('vendors.show', { slug: 'brain-scc' }))
    // The prefix: no claim link of any kind.
    assert.notInclude(owned.text(), '/account/claims/')
  })

  test('a signed-in user asks with a message; the claim waits for the editors', async ({
    client,
    assert,
  }) => {
    const vendor = await createVendor({ name: 'brain-SCC GmbH', slug: 'brain-scc' })
    const user = await createUser()

    const page = await client
      .get(urlFor('account.claims.create', { slug: 'brain-scc' }))
      .loginAs(user)
    page.assertStatus(200)
    page.assertTextIncludes('Eintrag übernehmen: brain-SCC GmbH')
    page.assertTextIncludes('name="message"')

    const response = await client
      .post(urlFor('account.claims.store', { slug: 'brain-scc' }))
      .form({ message: 'Ich bin Geschäftsführerin.' })
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('account.vendors.index'))
    response.assertFlashMessage(
      'notice',
      'Ihre Anfrage, „brain-SCC GmbH“ zu übernehmen, ist bei der Redaktion eingegangen.'
    )
    const claim = await VendorClaim.query().where('vendor_id', vendor.id).firstOrFail()
    assert.equal(claim.userId, user.id)
    assert.equal(claim.status, 'pending')
    assert.equal(claim.message, 'Ich bin Geschäftsführerin.')
    assert.exists(
      await AuditLog.query().where('action', 'claim.created').where('subject_id', claim.id).first()
    )

    const index = await client.get(urlFor('account.vendors.index')).loginAs(user)
    index.assertTextIncludes('Ihre Übernahme-Anfragen')
    index.assertTextIncludes('brain-SCC GmbH')

    // One open claim per user and vendor.
    const again = await client
      .post(urlFor('account.claims.store', { slug: 'brain-scc' }))
      .form({})
      .withCsrfToken()
      .loginAs(user)
    again.assertStatus(403)
    assert.lengthOf(await VendorClaim.query().where('vendor_id', vendor.id), 1)
  })

  test('refused: a vendor with members, an unconfirmed user, a draft, the signed-out', async ({
    client,
    assert,
  }) => {
    const owned = await createVendor({ slug: 'hat-mitglieder' })
    await addMember(owned, await createUser())
    await createVendor({ slug: 'entwurf', status: 'draft' })
    await createVendor({ slug: 'frei' })
    const user = await createUser()
    const unconfirmed = await createUser({ confirmed: false })

    const page = await client
      .get(urlFor('account.claims.create', { slug: 'hat-mitglieder' }))
      .loginAs(user)
    page.assertStatus(200)
    page.assertTextIncludes('Diesen Eintrag können Sie gerade nicht übernehmen')
    assert.notInclude(page.text(), 'name="message"')

    const withMembers = await client
      .post(urlFor('account.claims.store', { slug: 'hat-mitglieder' }))
      .form({})
      .withCsrfToken()
      .loginAs(user)
    withMembers.assertStatus(403)
    const notConfirmed = await client
      .post(urlFor('account.claims.store', { slug: 'frei' }))
      .form({})
      .withCsrfToken()
      .loginAs(unconfirmed)
    notConfirmed.assertStatus(403)
    const draft = await client
      .get(urlFor('account.claims.create', { slug: 'entwurf' }))
      .loginAs(user)
    draft.assertStatus(404)
    const signedOut = await client
      .get(urlFor('account.claims.create', { slug: 'frei' }))
      .redirects(0)
    signedOut.assertStatus(302)
    signedOut.assertHeader('location', urlFor('auth.login'))

    assert.lengthOf(await VendorClaim.all(), 0)
  })
})
