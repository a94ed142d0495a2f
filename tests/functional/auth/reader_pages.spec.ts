import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { ownedVendor } from '#tests/helpers/vendor_accounts'
import { createUser } from '#tests/helpers/users'

/**
 * Reader pages read an existing session: signed-in users see who they are,
 * and nobody gets a cookie there.
 */
test.group('Signed-in users on reader pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('/, topic, profile and search pages show the account link and log-out', async ({
    client,
    assert,
  }) => {
    const { vendor, owner, topics } = await ownedVendor({
      attributes: { name: 'Sichtbar GmbH' },
    })
    const pages = [
      urlFor('home'),
      urlFor('topics.show', { slug: topics[0].slug }),
      urlFor('vendors.show', { slug: vendor.slug }),
      urlFor('search', {}, { qs: { q: 'Sichtbar' } }),
    ]

    for (const url of pages) {
      // A session from a real log-in holds Shield's CSRF secret; withCsrfToken() gives it one.
      const response = await client.get(url).loginAs(owner).withCsrfToken()
      response.assertStatus(200)
      response.assertTextIncludes(`href="${urlFor('account.home')}"`)
      response.assertTextIncludes(`action="${urlFor('auth.logout')}"`)
      response.assertTextIncludes('>Abmelden</button>')
      assert.notInclude(response.text(), `href="${urlFor('auth.login')}"`, url)
      // Reader pages never write a cookie, not even for signed-in users.
      assert.notExists(response.header('set-cookie'), url)
      assert.equal(response.header('cache-control'), 'no-store', url)
    }
  })

  test('the log-out form on a reader page works', async ({ client }) => {
    const { owner, topics } = await ownedVendor()
    const page = await client
      .get(urlFor('topics.show', { slug: topics[0].slug }))
      .loginAs(owner)
      .withCsrfToken()
    page.assertTextIncludes(`action="${urlFor('auth.logout')}"`)

    const logout = await client
      .post(urlFor('auth.logout'))
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    logout.assertStatus(302)
    logout.assertHeader('location', urlFor('home'))
    logout.assertSessionMissing('auth_web')
  })

  test('an owner sees an edit link on their own profile; others do not', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor()
    const editLink = `href="${urlFor('account.vendors.edit', { id: vendor.id })}"`

    const own = await client.get(urlFor('vendors.show', { slug: vendor.slug })).loginAs(owner)
    own.assertTextIncludes(editLink)
    own.assertTextIncludes('Eintrag bearbeiten')

    const stranger = await createUser()
    const other = await client.get(urlFor('vendors.show', { slug: vendor.slug })).loginAs(stranger)
    other.assertStatus(200)
    assert.notInclude(other.text(), editLink)

    const reader = await client.get(urlFor('vendors.show', { slug: vendor.slug }))
    assert.notInclude(reader.text(), editLink)
    assert.notExists(reader.header('set-cookie'))
  })

  test('a reader gets the log-in link and no cookie', async ({ client, assert }) => {
    const { topics } = await ownedVendor()

    const response = await client.get(urlFor('topics.show', { slug: topics[0].slug }))
    response.assertStatus(200)
    response.assertTextIncludes(`href="${urlFor('auth.login')}"`)
    assert.notInclude(response.text(), `action="${urlFor('auth.logout')}"`)
    assert.notExists(response.header('set-cookie'))
  })

  test('signed-in users see reader pages in their own language', async ({ client }) => {
    const user = await createUser({ locale: 'en' })

    const response = await client.get(urlFor('home')).loginAs(user).withCsrfToken()
    response.assertTextIncludes('<html lang="en">')
    response.assertTextIncludes('>Log out</button>')
  })

  test('a GET form with bad input re-renders with 422 for signed-in users too', async ({
    client,
    assert,
  }) => {
    const { owner, topics } = await ownedVendor()

    const response = await client
      .get(urlFor('topics.show', { slug: topics[0].slug }, { qs: { plz: 'abc' } }))
      .loginAs(owner)
      .withCsrfToken()
    response.assertStatus(422)
    response.assertTextIncludes(`href="${urlFor('account.home')}"`)
    assert.notExists(response.header('set-cookie'))
  })
})
