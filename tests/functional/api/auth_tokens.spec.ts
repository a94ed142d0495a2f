import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import { DateTime } from 'luxon'
import { urlFor } from '@adonisjs/core/services/url_builder'
import User from '#models/user'
import VendorMember from '#models/vendor_member'
import { createVendor } from '#tests/helpers/directory'
import { createUser, DEFAULT_PASSWORD } from '#tests/helpers/users'

test.group('API: access tokens', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))

  test('POST /api/v1/auth/tokens returns a 30-day token that works for /me', async ({
    client,
    assert,
  }) => {
    const user = await createUser({ email: 'api@example.test' })

    const response = await client
      .post(urlFor('api.v1.auth.tokens.store'))
      .json({ email: 'API@example.test', password: DEFAULT_PASSWORD })

    response.assertStatus(201)
    const { token, expiresAt } = response.body().data
    assert.match(token, /^av_/)
    const days = DateTime.fromISO(expiresAt).diffNow('days').days
    assert.isAbove(days, 29.9)
    assert.isAtMost(days, 30)
    assert.notExists(response.header('set-cookie'))
    assert.lengthOf(await User.accessTokens.all(user), 1)

    const me = await client.get(urlFor('api.v1.me')).bearerToken(token)
    me.assertStatus(200)
    assert.equal(me.body().data.email, 'api@example.test')
  })

  test('answers 422 for missing fields, 401 for wrong credentials', async ({ client, assert }) => {
    const user = await createUser()

    const missing = await client.post(urlFor('api.v1.auth.tokens.store')).json({})
    missing.assertStatus(422)
    assert.sameMembers(
      missing.body().errors.map((e: { field: string }) => e.field),
      ['email', 'password']
    )

    for (const email of [user.email, 'nobody@example.test']) {
      const wrong = await client
        .post(urlFor('api.v1.auth.tokens.store'))
        .header('accept-language', 'en')
        .json({ email, password: 'wrong-password-123' })
      wrong.assertStatus(401)
      wrong.assertBody({ errors: [{ field: null, message: 'Wrong e-mail address or password.' }] })
    }
    assert.lengthOf(await User.accessTokens.all(user), 0)
  })

  test('a disabled account gets 403 and no token', async ({ client, assert }) => {
    const user = await createUser({ disabled: true })

    const response = await client
      .post(urlFor('api.v1.auth.tokens.store'))
      .json({ email: user.email, password: DEFAULT_PASSWORD })

    response.assertStatus(403)
    response.assertBody({ errors: [{ field: null, message: 'Dieses Konto ist gesperrt.' }] })
    assert.lengthOf(await User.accessTokens.all(user), 0)
  })

  test('an unconfirmed account gets a token (writing needs a confirmed address)', async ({
    client,
  }) => {
    const user = await createUser({ confirmed: false })

    const response = await client
      .post(urlFor('api.v1.auth.tokens.store'))
      .json({ email: user.email, password: DEFAULT_PASSWORD })

    response.assertStatus(201)
  })

  test('shares the log-in limit: 5 failures on the form, then 429 here too', async ({
    client,
    assert,
  }) => {
    const user = await createUser()

    for (let i = 0; i < 3; i++) {
      await client
        .post(urlFor('auth.login.store'))
        .form({ email: user.email, password: 'wrong-1' })
        .withCsrfToken()
        .redirects(0)
    }
    for (let i = 0; i < 2; i++) {
      const failed = await client
        .post(urlFor('api.v1.auth.tokens.store'))
        .json({ email: user.email, password: 'wrong-2' })
      failed.assertStatus(401)
    }

    const response = await client
      .post(urlFor('api.v1.auth.tokens.store'))
      .json({ email: user.email, password: DEFAULT_PASSWORD })

    response.assertStatus(429)
    assert.isAbove(Number(response.header('retry-after')), 14 * 60)
    response.assertBody({
      errors: [
        {
          field: null,
          message:
            'Zu viele fehlgeschlagene Anmeldeversuche für diese E-Mail-Adresse. Bitte versuchen Sie es in 15 Minuten erneut oder setzen Sie Ihr Passwort zurück.',
        },
      ],
    })
    assert.lengthOf(await User.accessTokens.all(user), 0)
  })

  test('DELETE /api/v1/auth/tokens/current revokes the token used; it then gets 401', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    const created = await client
      .post(urlFor('api.v1.auth.tokens.store'))
      .json({ email: user.email, password: DEFAULT_PASSWORD })
    const other = await User.accessTokens.create(user)
    const token = created.body().data.token

    const response = await client.delete(urlFor('api.v1.auth.tokens.destroy')).bearerToken(token)

    response.assertStatus(204)
    const after = await client.get(urlFor('api.v1.me')).bearerToken(token)
    after.assertStatus(401)
    assert.lengthOf(after.body().errors, 1)
    assert.isNull(after.body().errors[0].field)
    // Only that token: the user's other token still works.
    const stillValid = await client.get(urlFor('api.v1.me')).bearerToken(other.value!.release())
    stillValid.assertStatus(200)
  })

  test('without a valid token, /me and the revocation answer 401 in the error shape', async ({
    client,
    assert,
  }) => {
    for (const request of [
      client.get(urlFor('api.v1.me')),
      client.get(urlFor('api.v1.me')).bearerToken('av_not-a-token'),
      client.delete(urlFor('api.v1.auth.tokens.destroy')),
    ]) {
      const response = await request
      response.assertStatus(401)
      assert.deepEqual(Object.keys(response.body()), ['errors'])
      assert.isNull(response.body().errors[0].field)
      assert.isString(response.body().errors[0].message)
    }
  })

  test('a token of an account disabled later stops working', async ({ client }) => {
    const user = await createUser()
    const token = await User.accessTokens.create(user)
    user.disabledAt = DateTime.now()
    await user.save()

    const response = await client.get(urlFor('api.v1.me')).bearerToken(token.value!.release())

    response.assertStatus(401)
  })
})

test.group('API: /me', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('GET /api/v1/me answers the user, the role and the vendor memberships', async ({
    client,
    assert,
  }) => {
    const user = await createUser({ name: 'Vera Vendor', email: 'vera@example.test', locale: 'en' })
    const owned = await createVendor({ name: 'Beta GmbH' })
    const joined = await createVendor({ name: 'Alpha AG', status: 'draft' })
    const foreign = await createVendor({ name: 'Gamma KG' })
    await VendorMember.createMany([
      { vendorId: owned.id, userId: user.id, role: 'owner' },
      { vendorId: joined.id, userId: user.id, role: 'member' },
    ])
    const stranger = await createUser()
    await VendorMember.create({
      vendorId: foreign.id,
      userId: stranger.id,
      role: 'owner',
    })

    const response = await client.get(urlFor('api.v1.me')).withGuard('api').loginAs(user)

    response.assertStatus(200)
    response.assertBody({
      data: {
        id: user.id,
        email: 'vera@example.test',
        name: 'Vera Vendor',
        role: 'member',
        locale: 'en',
        vendors: [
          { slug: joined.slug, name: 'Alpha AG', role: 'member' },
          { slug: owned.slug, name: 'Beta GmbH', role: 'owner' },
        ],
      },
    })
    assert.notExists(response.header('set-cookie'))
  })

  test('an editor sees the role and no vendors', async ({ client }) => {
    const editor = await createUser({ role: 'editor' })

    const response = await client.get(urlFor('api.v1.me')).withGuard('api').loginAs(editor)

    response.assertStatus(200)
    response.assertBodyContains({ data: { role: 'editor', vendors: [] } })
  })

  test('a session cookie does not open the API', async ({ client }) => {
    const user = await createUser()

    const response = await client.get(urlFor('api.v1.me')).loginAs(user)

    response.assertStatus(401)
  })
})
