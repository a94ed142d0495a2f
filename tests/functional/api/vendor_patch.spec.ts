import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import User from '#models/user'
import VendorRevision from '#models/vendor_revision'
import { createUser } from '#tests/helpers/users'
import { createTopic, ownedVendor } from '#tests/helpers/vendor_accounts'

test.group('API / PATCH /api/v1/vendors/:slug', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('without a token: 401 in the API error shape', async ({ client }) => {
    const { vendor } = await ownedVendor()
    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ city: 'Jena' })
    response.assertStatus(401)
    response.assertBody({ errors: [{ field: null, message: 'Bitte melden Sie sich an.' }] })
  })

  test('a bearer token from POST /api/v1/auth/tokens works, and sets no cookie', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })
    const token = await User.accessTokens.create(owner)

    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .bearerToken(token.value!.release())
      .json({ city: 'Jena' })

    response.assertStatus(200)
    response.assertBody({ data: { status: 'draft', pendingRevision: null } })
    assert.notExists(response.header('set-cookie'))
    await vendor.refresh()
    assert.equal(vendor.city, 'Jena')
  })

  test('only the given fields change; null clears an optional field', async ({
    client,
    assert,
  }) => {
    const { vendor, owner, topics } = await ownedVendor({
      status: 'draft',
      attributes: { name: 'Bleibt GmbH', phone: '0345 1234', website: 'https://bleibt.example' },
    })

    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ phone: null, description: 'Neu' })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    await vendor.refresh()
    await vendor.load('topics')
    assert.equal(vendor.name, 'Bleibt GmbH')
    assert.isNull(vendor.phone)
    assert.equal(vendor.website, 'https://bleibt.example')
    assert.equal(vendor.description, 'Neu')
    assert.deepEqual(
      vendor.topics.map((t) => t.id),
      [topics[0].id]
    )
  })

  test("bad input: 422 with one entry per field, in the user's language", async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor()
    owner.locale = 'en'
    await owner.save()

    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ postalCode: '123', website: 'javascript:alert(1)', topicIds: [], name: null })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(422)
    assert.sameDeepMembers(response.body().errors, [
      {
        field: 'postalCode',
        message: 'A German postal code has exactly 5 digits, for example 06217.',
      },
      {
        field: 'website',
        message: 'Please enter a web address, for example www.example.de.',
      },
      { field: 'topicIds', message: 'Please choose at least 1 topic.' },
      { field: 'name', message: 'Please fill in “Name”.' },
    ])
    assert.lengthOf(await VendorRevision.query().where('vendor_id', vendor.id), 0)
  })

  test('topics: 1 to 5 existing ones', async ({ client, assert }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })
    const six = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createTopic()))

    const tooMany = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ topicIds: six.map((t) => t.id) })
      .withGuard('api')
      .loginAs(owner)
    tooMany.assertStatus(422)
    assert.equal(tooMany.body().errors[0].message, 'Bitte wählen Sie höchstens 5 Themen.')

    const unknown = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ topicIds: [six[0].id, 999_999] })
      .withGuard('api')
      .loginAs(owner)
    unknown.assertStatus(422)

    const five = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ topicIds: six.slice(0, 5).map((t) => t.id) })
      .withGuard('api')
      .loginAs(owner)
    five.assertStatus(200)
    await vendor.load('topics')
    assert.lengthOf(vendor.topics, 5)
  })

  test('topics by slug, as the API names them', async ({ client, assert }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })
    const chosen = await Promise.all([1, 2].map(() => createTopic()))

    const unknown = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ topics: [chosen[0].slug, 'gibt-es-nicht'] })
      .withGuard('api')
      .loginAs(owner)
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].field, 'topics')

    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ topics: chosen.map((t) => t.slug) })
      .withGuard('api')
      .loginAs(owner)
    response.assertStatus(200)
    await vendor.load('topics')
    assert.sameMembers(
      vendor.topics.map((t) => t.slug),
      chosen.map((t) => t.slug)
    )
  })

  test('non-members: 403 for a published vendor, 404 for a draft; unknown slugs 404', async ({
    client,
    assert,
  }) => {
    const { vendor: published } = await ownedVendor({ attributes: { name: 'Öffentlich GmbH' } })
    const { vendor: draft } = await ownedVendor({
      status: 'draft',
      attributes: { name: 'Geheim GmbH' },
    })
    const stranger = await createUser()
    const editor = await createUser({ role: 'editor' })

    const forbidden = await client
      .patch(urlFor('api.v1.vendors.update', { slug: published.slug }))
      .json({ name: 'Gekapert' })
      .withGuard('api')
      .loginAs(stranger)
    forbidden.assertStatus(403)
    assert.equal(forbidden.body().errors[0].field, null)

    const hidden = await client
      .patch(urlFor('api.v1.vendors.update', { slug: draft.slug }))
      .json({ name: 'Gekapert' })
      .withGuard('api')
      .loginAs(stranger)
    hidden.assertStatus(404)
    assert.notInclude(JSON.stringify(hidden.body()), 'Geheim')

    // Editors review; they do not edit as members.
    const byEditor = await client
      .patch(urlFor('api.v1.vendors.update', { slug: published.slug }))
      .json({ name: 'Gekapert' })
      .withGuard('api')
      .loginAs(editor)
    byEditor.assertStatus(403)

    const unknown = await client
      .patch(urlFor('api.v1.vendors.update', { slug: 'gibt-es-nicht' }))
      .json({ name: 'X' })
      .withGuard('api')
      .loginAs(stranger)
    unknown.assertStatus(404)

    await published.refresh()
    await draft.refresh()
    assert.equal(published.name, 'Öffentlich GmbH')
    assert.equal(draft.name, 'Geheim GmbH')
    assert.lengthOf(await VendorRevision.all(), 0)
  })

  test('an archived vendor cannot be edited, even by its owner', async ({ client, assert }) => {
    const { vendor, owner } = await ownedVendor({
      status: 'archived',
      attributes: { name: 'Archiv AG' },
    })
    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ name: 'Neu' })
      .withGuard('api')
      .loginAs(owner)
    response.assertStatus(403)
    await vendor.refresh()
    assert.equal(vendor.name, 'Archiv AG')
  })

  test('a member whose e-mail is not confirmed cannot write', async ({ client, assert }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })
    owner.emailVerifiedAt = null
    await owner.save()

    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .withGuard('api')
      .loginAs(owner)
      .json({ city: 'Jena' })

    response.assertStatus(403)
    assert.match(
      response.body().errors[0].message,
      /^Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse/
    )
    await vendor.refresh()
    assert.notEqual(vendor.city, 'Jena')
  })
})
