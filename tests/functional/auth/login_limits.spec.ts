import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import limiter from '@adonisjs/limiter/services/main'
import { createUser, DEFAULT_PASSWORD } from '#tests/helpers/users'

/**
 * Real parallel HTTP requests: every attempt is counted before its password
 * is checked, so exactly the allowed number reach the check.
 */
test.group('Log-in limits under parallel requests', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))

  test('39 wrong passwords and the right one at once: exactly 5 are checked (form)', async ({
    client,
    assert,
  }) => {
    const user = await createUser({ email: 'parallel@example.test' })
    const passwords = Array.from({ length: 40 }, (_, i) =>
      i === 20 ? DEFAULT_PASSWORD : `wrong-password-${i}`
    )

    const responses = await Promise.all(
      passwords.map((password) =>
        client
          .post(urlFor('auth.login.store'))
          .form({ email: user.email, password })
          .withCsrfToken()
          .redirects(0)
      )
    )

    const statuses = responses.map((response) => response.status())
    assert.equal(statuses.filter((status) => status === 429).length, 35)
    assert.equal(statuses.filter((status) => status === 302).length, 5)
  })

  test('200 wrong passwords at once for one address: 5 are checked, 195 refused (API)', async ({
    client,
    assert,
  }) => {
    const user = await createUser({ email: 'flood@example.test' })

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        client
          .post(urlFor('api.v1.auth.tokens.store'))
          .json({ email: user.email, password: `wrong-password-${i}` })
      )
    )

    const statuses = responses.map((response) => response.status())
    assert.equal(statuses.filter((status) => status === 401).length, 5)
    assert.equal(statuses.filter((status) => status === 429).length, 195)
    const refused = responses.find((response) => response.status() === 429)!
    assert.isAbove(Number(refused.header('retry-after')), 0)
  })

  test('an attacker who blocks the address from their IP does not lock the owner out', async ({
    client,
  }) => {
    const user = await createUser({ email: 'owner@example.test' })
    for (let attempt = 0; attempt < 6; attempt++) {
      await client
        .post(urlFor('api.v1.auth.tokens.store'))
        .header('x-forwarded-for', '203.0.113.66')
        .json({ email: user.email, password: `guess-${attempt}` })
    }
    const attacker = await client
      .post(urlFor('api.v1.auth.tokens.store'))
      .header('x-forwarded-for', '203.0.113.66')
      .json({ email: user.email, password: DEFAULT_PASSWORD })
    attacker.assertStatus(429)

    const owner = await client
      .post(urlFor('auth.login.store'))
      .header('x-forwarded-for', '198.51.100.20')
      .form({ email: user.email, password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    owner.assertStatus(302)
    owner.assertHeader('location', urlFor('account.home'))
    owner.assertSession('auth_web', user.id)
  })

  test('a flood across many addresses from one IP is refused per IP', async ({
    client,
    assert,
  }) => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        client
          .post(urlFor('api.v1.auth.tokens.store'))
          .header('x-forwarded-for', '192.0.2.44')
          .header('accept-language', 'en')
          .json({ email: `nobody-${i}@example.test`, password: 'wrong-password-123' })
      )
    )

    const statuses = responses.map((response) => response.status())
    assert.equal(statuses.filter((status) => status === 401).length, 30)
    assert.equal(statuses.filter((status) => status === 429).length, 10)
    const refused = responses.find((response) => response.status() === 429)!
    assert.match(refused.body().errors[0].message, /Too many log-in attempts from your network/)

    const elsewhere = await client
      .post(urlFor('api.v1.auth.tokens.store'))
      .header('x-forwarded-for', '192.0.2.45')
      .json({ email: 'nobody-1@example.test', password: 'wrong-password-123' })
    elsewhere.assertStatus(401)
  })
})
