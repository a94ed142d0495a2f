import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import limiter from '@adonisjs/limiter/services/main'
import mail from '@adonisjs/mail/services/main'
import type { ApiClient } from '@japa/api-client'
import type ResetPasswordNotification from '#mails/reset_password_notification'
import { settleAfterResponse } from '#services/after_response'
import { createUser, DEFAULT_PASSWORD } from '#tests/helpers/users'

/**
 * A copy of a session cookie is its session data (the cookie store keeps
 * all of it in the cookie): the tests capture what a log-in leaves in the
 * session and replay it later with `withSession`.
 */
async function signIn(client: ApiClient, email: string, ip = '198.51.100.1') {
  const response = await client
    .post(urlFor('auth.login.store'))
    .header('x-forwarded-for', ip)
    .form({ email, password: DEFAULT_PASSWORD })
    .withCsrfToken()
    .redirects(0)
  response.assertSession('auth_web')
  return response.session() as Record<string, any>
}

async function openAccount(client: ApiClient, copy: Record<string, any>) {
  return client.get(urlFor('account.home')).withSession(copy).redirects(0)
}

test.group('Revoking sessions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('a copied cookie opens the account until the session is revoked', async ({ client }) => {
    const user = await createUser()
    const copy = await signIn(client, user.email)

    const response = await openAccount(client, copy)
    response.assertStatus(200)
    response.assertTextIncludes(user.email)
  })

  test('log-out ends every session of the user, copies of the cookie included', async ({
    client,
  }) => {
    const user = await createUser()
    const laptop = await signIn(client, user.email)
    const copy = { ...laptop }
    const phone = await signIn(client, user.email, '198.51.100.2')

    const logout = await client
      .post(urlFor('auth.logout'))
      .withSession(laptop)
      .withCsrfToken()
      .redirects(0)
    logout.assertHeader('location', urlFor('home'))

    for (const replay of [copy, phone]) {
      const response = await openAccount(client, replay)
      response.assertStatus(302)
      response.assertHeader('location', urlFor('auth.login'))
      response.assertSessionMissing('auth_web')
    }
  })

  test('a password reset ends the sessions of the old password', async ({ client }) => {
    const user = await createUser({ email: 'stolen@example.test' })
    const copy = await signIn(client, user.email)
    const { mails } = mail.fake()

    await client
      .post(urlFor('auth.password.email'))
      .form({ email: user.email })
      .withCsrfToken()
      .redirects(0)
    await settleAfterResponse()
    const [sent] = mails.sent() as ResetPasswordNotification[]
    const token = new URL(sent.url).pathname.split('/').pop()!
    const reset = await client
      .post(urlFor('auth.password.update', { token }))
      .form({
        password: 'glacier-umbrella-tangent',
        password_confirmation: 'glacier-umbrella-tangent',
      })
      .withCsrfToken()
      .redirects(0)
    reset.assertHeader('location', urlFor('auth.login'))

    const response = await openAccount(client, copy)
    response.assertStatus(302)
    response.assertHeader('location', urlFor('auth.login'))
  })

  test('disabling an account ends its sessions, and enabling it again does not revive them', async ({
    client,
  }) => {
    const admin = await createUser({ role: 'admin' })
    const user = await createUser()
    const copy = await signIn(client, user.email)

    await client
      .post(urlFor('editorial.users.disable', { id: user.id }))
      .loginAs(admin)
      .withCsrfToken()
    await client
      .post(urlFor('editorial.users.enable', { id: user.id }))
      .loginAs(admin)
      .withCsrfToken()

    const response = await openAccount(client, copy)
    response.assertStatus(302)
    response.assertHeader('location', urlFor('auth.login'))
  })

  test('"sign out everywhere" on the account page ends every session', async ({ client }) => {
    const user = await createUser({ locale: 'en' })
    const here = await signIn(client, user.email)
    const elsewhere = await signIn(client, user.email, '198.51.100.3')

    const page = await openAccount(client, here)
    page.assertTextIncludes(`action="${urlFor('account.sessions.revoke')}"`)
    page.assertTextIncludes('Sign out everywhere')

    const revoke = await client
      .post(urlFor('account.sessions.revoke'))
      .withSession(here)
      .withCsrfToken()
      .redirects(0)
    revoke.assertHeader('location', urlFor('auth.login'))
    revoke.assertFlashMessage('notice', 'You are now signed out on every device.')
    revoke.assertSessionMissing('auth_web')

    for (const replay of [here, elsewhere]) {
      const response = await openAccount(client, replay)
      response.assertHeader('location', urlFor('auth.login'))
    }
    // A fresh log-in works again.
    const fresh = await signIn(client, user.email)
    const again = await openAccount(client, fresh)
    again.assertStatus(200)
  })

  test('a revoked copy reads as signed out on reader pages too', async ({ client, assert }) => {
    const user = await createUser()
    const copy = await signIn(client, user.email)
    await client.post(urlFor('account.sessions.revoke')).withSession(copy).withCsrfToken()

    const response = await client.get(urlFor('home')).withSession(copy)
    response.assertStatus(200)
    response.assertTextIncludes(`href="${urlFor('auth.login')}"`)
    assert.notInclude(response.text(), `href="${urlFor('account.home')}"`)
  })
})
