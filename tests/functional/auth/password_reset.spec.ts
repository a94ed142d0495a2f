import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { urlFor } from '@adonisjs/core/services/url_builder'
import mail from '@adonisjs/mail/services/main'
import limiter from '@adonisjs/limiter/services/main'
import User from '#models/user'
import UserToken from '#models/user_token'
import ResetPasswordNotification from '#mails/reset_password_notification'
import { hashToken } from '#services/accounts/single_use_token'
import { holdAfterResponse, settleAfterResponse } from '#services/after_response'
import { createUser, DEFAULT_PASSWORD } from '#tests/helpers/users'
import { withSettledGlobalTransaction } from '#tests/helpers/after_response'

const SENT_DE =
  'Wenn es ein Konto mit dieser E-Mail-Adresse gibt, haben wir einen Link zum Zurücksetzen geschickt. Er ist eine Stunde gültig.'
const NEW_PASSWORD = 'a-brand-new-passphrase'

/** Asks for a link and returns the token from the mail that was sent. */
async function requestToken(client: any, email: string) {
  const { mails } = mail.fake()
  await client.post(urlFor('auth.password.email')).form({ email }).withCsrfToken().redirects(0)
  await settleAfterResponse()
  const [sent] = mails.sent() as ResetPasswordNotification[]
  return { sent, token: new URL(sent.url).pathname.split('/').pop()! }
}

test.group('Password reset', (group) => {
  group.each.setup(() => withSettledGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('an account gets a one-hour link in its language; only the hash is stored', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const user = await createUser({ email: 'reset@example.test', locale: 'en' })

    const response = await client
      .post(urlFor('auth.password.email'))
      .form({ email: 'Reset@Example.test' })
      .withCsrfToken()
      .redirects(0)
    await settleAfterResponse()

    response.assertHeader('location', urlFor('auth.password.forgot'))
    response.assertFlashMessage('notice', SENT_DE)
    mails.assertSentCount(ResetPasswordNotification, 1)
    const [sent] = mails.sent() as ResetPasswordNotification[]
    const token = new URL(sent.url).pathname.split('/').pop()!
    assert.match(token, /^[A-Za-z0-9_-]{43}$/)
    assert.match(sent.url, new RegExp(`^http://[^/]+${urlFor('auth.password.reset', { token })}$`))
    await sent.message.computeContents()
    sent.message.assertTo('reset@example.test')
    sent.message.assertSubject('Reset your password')
    sent.message.assertHtmlIncludes('Set a new password')
    sent.message.assertTextIncludes(sent.url)

    const stored = await UserToken.query().where('user_id', user.id)
    assert.lengthOf(stored, 1)
    assert.equal(stored[0].kind, 'password_reset')
    assert.equal(stored[0].tokenHash, hashToken(token))
    assert.notEqual(stored[0].tokenHash, token)
    const minutes = stored[0].expiresAt.diffNow('minutes').minutes
    assert.isAbove(minutes, 58)
    assert.isAtMost(minutes, 60)
  })

  test('an unknown address gets the very same answer and no mail', async ({ client, assert }) => {
    const { mails } = mail.fake()

    const response = await client
      .post(urlFor('auth.password.email'))
      .form({ email: 'nobody@example.test' })
      .withCsrfToken()
      .redirects(0)
    await settleAfterResponse()

    response.assertHeader('location', urlFor('auth.password.forgot'))
    response.assertFlashMessage('notice', SENT_DE)
    mails.assertNoneSent()
    assert.lengthOf(await UserToken.all(), 0)
  })

  test('the link sets a new password once; other reset links of the account die with it', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    const first = await requestToken(client, user.email)
    const second = await requestToken(client, user.email)

    const form = await client.get(urlFor('auth.password.reset', { token: second.token }))
    form.assertStatus(200)
    form.assertTextIncludes('name="password_confirmation"')
    assert.equal(form.header('referrer-policy'), 'same-origin')

    const response = await client
      .post(urlFor('auth.password.update', { token: second.token }))
      .form({ password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', urlFor('auth.login'))
    response.assertFlashMessage(
      'notice',
      'Ihr Passwort ist geändert. Bitte melden Sie sich mit dem neuen Passwort an.'
    )
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, NEW_PASSWORD))
    assert.isFalse(await hash.verify(user.password, DEFAULT_PASSWORD))

    for (const token of [second.token, first.token]) {
      const again = await client
        .post(urlFor('auth.password.update', { token }))
        .form({
          password: 'yet-another-passphrase',
          password_confirmation: 'yet-another-passphrase',
        })
        .withCsrfToken()
        .redirects(0)
      again.assertHeader('location', urlFor('auth.password.forgot'))
      again.assertFlashMessage(
        'alert',
        'Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt. Fordern Sie bitte einen neuen an.'
      )
      const page = await client.get(urlFor('auth.password.reset', { token }))
      page.assertStatus(410)
      page.assertTextIncludes('Dieser Link ist ungültig')
      assert.notInclude(page.text(), 'name="password_confirmation"')
    }
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, NEW_PASSWORD))

    const login = await client
      .post(urlFor('auth.login.store'))
      .form({ email: user.email, password: NEW_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    login.assertSession('auth_web', user.id)
  })

  test('an expired link does nothing', async ({ client, assert }) => {
    const user = await createUser()
    const { token } = await requestToken(client, user.email)
    const stored = await UserToken.findByOrFail('user_id', user.id)
    stored.expiresAt = DateTime.now().minus({ minutes: 1 })
    await stored.save()

    const page = await client.get(urlFor('auth.password.reset', { token }))
    page.assertStatus(410)

    const response = await client
      .post(urlFor('auth.password.update', { token }))
      .form({ password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', urlFor('auth.password.forgot'))
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, DEFAULT_PASSWORD))
  })

  test('a made-up token does nothing', async ({ client }) => {
    const page = await client.get(urlFor('auth.password.reset', { token: 'not-a-real-token' }))
    page.assertStatus(410)
    page.assertTextIncludes(urlFor('auth.password.forgot'))
  })

  test('the new password must have 12 characters and be typed twice', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    const { token } = await requestToken(client, user.email)

    const response = await client
      .post(urlFor('auth.password.update', { token }))
      .header(
        'referer',
        urlFor('auth.password.reset', { token }, { prefixUrl: 'http://localhost' })
      )
      .form({ password: 'too-short', password_confirmation: 'too-short' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertValidationError('password', 'Das Passwort muss mindestens 12 Zeichen lang sein.')
    const stored = await UserToken.findByOrFail('token_hash', hashToken(token))
    assert.isNull(stored.usedAt)
  })

  test('a disabled account gets no link', async ({ client }) => {
    const { mails } = mail.fake()
    const user = await createUser({ disabled: true })

    const response = await client
      .post(urlFor('auth.password.email'))
      .form({ email: user.email })
      .withCsrfToken()
      .redirects(0)
    await settleAfterResponse()

    response.assertFlashMessage('notice', SENT_DE)
    mails.assertNoneSent()
  })

  test('a reset ends the API tokens and lifts the log-in block of the address', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    await User.accessTokens.create(user)
    for (let i = 0; i < 5; i++) {
      await client
        .post(urlFor('auth.login.store'))
        .form({ email: user.email, password: 'wrong-guess-123' })
        .withCsrfToken()
        .redirects(0)
    }
    const { token } = await requestToken(client, user.email)

    await client
      .post(urlFor('auth.password.update', { token }))
      .form({ password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    assert.lengthOf(await User.accessTokens.all(user), 0)
    const login = await client
      .post(urlFor('auth.login.store'))
      .form({ email: user.email, password: NEW_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    login.assertStatus(302)
    login.assertSession('auth_web', user.id)
  })

  test('the answer comes before any lookup or mail, for known and unknown addresses alike', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const user = await createUser({ email: 'known@example.test' })
    const release = holdAfterResponse()

    for (const email of [user.email, 'unknown@example.test']) {
      const response = await client
        .post(urlFor('auth.password.email'))
        .form({ email })
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', urlFor('auth.password.forgot'))
      response.assertFlashMessage('notice', SENT_DE)
    }
    // Nothing happened for either address while the requests were answered.
    mails.assertNoneSent()
    assert.lengthOf(await UserToken.all(), 0)

    release()
    await settleAfterResponse()
    mails.assertSentCount(ResetPasswordNotification, 1)
    assert.lengthOf(await UserToken.query().where('user_id', user.id), 1)
  })

  test('at most 3 links to one address an hour, with the same answer every time', async ({
    client,
  }) => {
    const { mails } = mail.fake()
    const user = await createUser()

    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await client
        .post(urlFor('auth.password.email'))
        .form({ email: attempt % 2 ? user.email.toUpperCase() : user.email })
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', urlFor('auth.password.forgot'))
      response.assertFlashMessage('notice', SENT_DE)
    }
    await settleAfterResponse()
    mails.assertSentCount(ResetPasswordNotification, 3)
  })

  test('one IP cannot have links sent to many addresses', async ({ client, assert }) => {
    const { mails } = mail.fake()
    const users = await Promise.all(
      Array.from({ length: 22 }, (_, i) => createUser({ email: `many-${i}@example.test` }))
    )

    for (const user of users) {
      await client
        .post(urlFor('auth.password.email'))
        .header('x-forwarded-for', '203.0.113.50')
        .form({ email: user.email })
        .withCsrfToken()
        .redirects(0)
    }
    await client
      .post(urlFor('auth.password.email'))
      .header('x-forwarded-for', '203.0.113.51')
      .form({ email: users[21].email })
      .withCsrfToken()
      .redirects(0)
    await settleAfterResponse()

    const sent = mails.sent() as ResetPasswordNotification[]
    assert.lengthOf(sent, 21)
    assert.equal(sent.filter((m) => m.user.email === users[21].email).length, 1)
  })

  test('a common password is refused at reset, in English too', async ({ client, assert }) => {
    const user = await createUser()
    const { token } = await requestToken(client, user.email)

    const response = await client
      .post(urlFor('auth.password.update', { token }))
      .header('accept-language', 'en')
      .form({ password: 'password1234', password_confirmation: 'password1234' })
      .withCsrfToken()
      .redirects(0)

    response.assertValidationError(
      'password',
      'This password is too easy to guess: it is common, has appeared in data breaches or contains your name. Please choose another one, for example several words joined by hyphens.'
    )
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, DEFAULT_PASSWORD))
  })
})
