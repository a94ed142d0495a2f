import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import limiter from '@adonisjs/limiter/services/main'
import sessionConfig from '#config/session'
import { createUser, DEFAULT_PASSWORD } from '#tests/helpers/users'

const THROTTLED_DE =
  'Zu viele fehlgeschlagene Anmeldeversuche für diese E-Mail-Adresse. Bitte versuchen Sie es in 15 Minuten erneut oder setzen Sie Ihr Passwort zurück.'

test.group('Log-in and log-out', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))

  test('the form posts e-mail and password with a CSRF token', async ({ client }) => {
    const response = await client.get(urlFor('auth.login'))

    response.assertStatus(200)
    response.assertTextIncludes('<h1>Anmelden</h1>')
    response.assertTextIncludes('name="email"')
    response.assertTextIncludes('autocomplete="current-password"')
    response.assertTextIncludes(`name='_csrf'`)
    response.assertTextIncludes(`href="${urlFor('auth.password.forgot')}"`)
  })

  test('the right password logs in, whatever the case of the address', async ({ client }) => {
    const user = await createUser({ email: 'anna@example.test' })

    const response = await client
      .post(urlFor('auth.login.store'))
      .form({ email: ' Anna@Example.TEST ', password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('account.home'))
    response.assertSession('auth_web', user.id)
  })

  test('an unconfirmed user may log in (to confirm or resend the link)', async ({ client }) => {
    const user = await createUser({ confirmed: false })

    const response = await client
      .post(urlFor('auth.login.store'))
      .form({ email: user.email, password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', urlFor('account.home'))
    response.assertSession('auth_web', user.id)
  })

  test('a wrong password or unknown address gets one message and keeps the address', async ({
    client,
  }) => {
    const user = await createUser()

    for (const email of [user.email, 'nobody@example.test']) {
      const response = await client
        .post(urlFor('auth.login.store'))
        .form({ email, password: 'wrong-password-123' })
        .withCsrfToken()
        .redirects(0)

      response.assertStatus(302)
      response.assertHeader('location', urlFor('auth.login'))
      response.assertFlashMessage('alert', 'E-Mail-Adresse oder Passwort ist falsch.')
      response.assertFlashMessage('email', email)
      response.assertFlashMissing('password')
      response.assertSessionMissing('auth_web')
    }
  })

  test('a disabled account cannot log in, even with the right password', async ({ client }) => {
    const user = await createUser({ disabled: true })

    const response = await client
      .post(urlFor('auth.login.store'))
      .header('accept-language', 'en')
      .form({ email: user.email, password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', urlFor('auth.login'))
    response.assertFlashMessage('alert', 'This account is disabled. Please contact the editors.')
    response.assertSessionMissing('auth_web')
  })

  test('an account disabled while signed in is logged out on its next page', async ({ client }) => {
    const user = await createUser()
    user.disabledAt = DateTime.now()
    await user.save()

    const response = await client.get(urlFor('account.home')).loginAs(user).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('auth.login'))
    response.assertSessionMissing('auth_web')
  })

  test('after 5 failures for one address, the 6th attempt gets 429, even with the right password', async ({
    client,
    assert,
  }) => {
    const user = await createUser({ email: 'target@example.test' })
    const bystander = await createUser({ email: 'bystander@example.test' })

    for (let attempt = 1; attempt <= 5; attempt++) {
      const failed = await client
        .post(urlFor('auth.login.store'))
        .form({
          email: attempt % 2 ? 'target@example.test' : 'TARGET@example.test',
          password: `wrong-${attempt}`,
        })
        .withCsrfToken()
        .redirects(0)
      failed.assertStatus(302)
      failed.assertFlashMessage('alert', 'E-Mail-Adresse oder Passwort ist falsch.')
    }

    const blocked = await client
      .post(urlFor('auth.login.store'))
      .form({ email: user.email, password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    blocked.assertStatus(429)
    blocked.assertTextIncludes(THROTTLED_DE)
    blocked.assertTextIncludes('value="target@example.test"')
    assert.isAbove(Number(blocked.header('retry-after')), 14 * 60)
    blocked.assertSessionMissing('auth_web')

    const english = await client
      .post(urlFor('auth.login.store'))
      .header('accept-language', 'en')
      .form({ email: user.email, password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    english.assertStatus(429)
    english.assertTextIncludes(
      'Too many failed log-in attempts for this e-mail address. Please try again in 15 minutes, or reset your password.'
    )

    // Another address is not affected.
    const other = await client
      .post(urlFor('auth.login.store'))
      .form({ email: bystander.email, password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    other.assertHeader('location', urlFor('account.home'))
    other.assertSession('auth_web', bystander.id)
  })

  test('a successful log-in clears the failures of its address', async ({ client }) => {
    const user = await createUser()
    const attempt = (password: string) =>
      client
        .post(urlFor('auth.login.store'))
        .form({ email: user.email, password })
        .withCsrfToken()
        .redirects(0)

    const failures = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const failed = await attempt(`wrong-password-${i}`)
        failed.assertFlashMessage('alert', 'E-Mail-Adresse oder Passwort ist falsch.')
      }
    }

    await failures(4)
    const first = await attempt(DEFAULT_PASSWORD)
    first.assertSession('auth_web', user.id)
    await failures(4)

    const response = await attempt(DEFAULT_PASSWORD)
    response.assertStatus(302)
    response.assertSession('auth_web', user.id)
  })

  test('log-out ends the session and returns to the home page', async ({ client }) => {
    const user = await createUser()

    const response = await client
      .post(urlFor('auth.logout'))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('home'))
    response.assertSessionMissing('auth_web')
  })

  test('a page that needs a log-in returns there after logging in', async ({ client }) => {
    const user = await createUser()

    const guarded = await client.get(urlFor('account.export')).redirects(0)
    guarded.assertHeader('location', urlFor('auth.login'))
    guarded.assertSession('intended_url', urlFor('account.export'))

    const response = await client
      .post(urlFor('auth.login.store'))
      .withSession({ intended_url: urlFor('account.export') })
      .form({ email: user.email, password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', urlFor('account.export'))

    // Never to another site.
    const offsite = await client
      .post(urlFor('auth.login.store'))
      .withSession({ intended_url: '//evil.example/phish' })
      .form({ email: user.email, password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    offsite.assertHeader('location', urlFor('account.home'))
  })
})

test.group('Log-in security', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))

  test('the session cookie is httpOnly and SameSite=Lax, and Secure in production', async ({
    client,
    assert,
  }) => {
    const response = await client.get(urlFor('auth.login'))

    const cookie = [response.header('set-cookie')]
      .flat()
      .find((line) => line?.startsWith('anbieter-session='))
    assert.exists(cookie)
    assert.match(cookie!, /; HttpOnly/i)
    assert.match(cookie!, /; SameSite=Lax/i)
    assert.match(cookie!, /; Path=\//i)
    // Secure follows the environment: on in production, off on plain-HTTP test runs.
    const { cookie: options } = await sessionConfig.resolver(app)
    assert.equal(options.secure, app.inProduction)
    assert.notMatch(cookie!, /; Secure/i)
  })

  test('a form posted without a CSRF token is refused and changes nothing', async ({ client }) => {
    const user = await createUser()

    const login = await client
      .post(urlFor('auth.login.store'))
      .form({ email: user.email, password: DEFAULT_PASSWORD })
      .redirects(0)
    login.assertStatus(302)
    login.assertSessionMissing('auth_web')
    login.assertFlashMessage('errorsBag', {
      E_BAD_CSRF_TOKEN:
        'Das Formular war zu lange geöffnet oder ist ungültig. Bitte senden Sie es noch einmal.',
    })

    const logout = await client.post(urlFor('auth.logout')).loginAs(user).redirects(0)
    logout.assertStatus(302)
    logout.assertSession('auth_web', user.id)
  })

  test('reader pages set no cookie and offer log-in and sign-up', async ({ client, assert }) => {
    const response = await client.get(urlFor('home'))

    response.assertStatus(200)
    response.assertTextIncludes(`href="${urlFor('auth.login')}"`)
    response.assertTextIncludes(`href="${urlFor('auth.signup')}"`)
    assert.notExists(response.header('set-cookie'))
  })

  test('signed-in pages offer the account and a log-out form', async ({ client }) => {
    const user = await createUser()

    const response = await client.get(urlFor('account.home')).loginAs(user)

    response.assertStatus(200)
    response.assertTextIncludes('>Mein Konto</a>')
    response.assertTextIncludes(`action="${urlFor('auth.logout')}"`)
    response.assertTextIncludes('>Abmelden</button>')
  })
})
