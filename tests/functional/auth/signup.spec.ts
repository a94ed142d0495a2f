import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import mail from '@adonisjs/mail/services/main'
import User from '#models/user'
import VerifyEmailNotification from '#mails/verify_email_notification'
import AccountExistsNotification from '#mails/account_exists_notification'
import { settleAfterResponse } from '#services/after_response'
import { createUser } from '#tests/helpers/users'
import { withSettledGlobalTransaction } from '#tests/helpers/after_response'

const valid = {
  name: 'Erika Mustermann',
  email: 'Erika.Mustermann@Example.test',
  password: 'a-long-enough-passphrase',
  password_confirmation: 'a-long-enough-passphrase',
}

test.group('Sign-up', (group) => {
  group.each.setup(() => withSettledGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('the form offers name, e-mail, password twice, with a CSRF field', async ({ client }) => {
    const response = await client.get(urlFor('auth.signup'))

    response.assertStatus(200)
    response.assertTextIncludes('<h1>Registrieren</h1>')
    for (const name of ['name', 'email', 'password', 'password_confirmation']) {
      response.assertTextIncludes(`name="${name}"`)
    }
    response.assertTextIncludes(`<input type='hidden' name='_csrf'`)
    response.assertTextIncludes('Mindestens 12 Zeichen.')
  })

  test('creates an unconfirmed member in the request language and mails a signed link', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()

    const response = await client
      .post(urlFor('auth.signup.store'))
      .header('accept-language', 'en-GB,en;q=0.9')
      .form(valid)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('auth.login'))
    response.assertFlashMessage(
      'notice',
      'Thank you! We have sent you an e-mail: please confirm your e-mail address with the link in it.'
    )
    await settleAfterResponse()
    const user = await User.findByOrFail('email', 'erika.mustermann@example.test')
    assert.equal(user.name, 'Erika Mustermann')
    assert.equal(user.role, 'member')
    assert.equal(user.locale, 'en')
    assert.isNull(user.emailVerifiedAt)
    assert.notEqual(user.password, valid.password)
    assert.match(user.password, /^\$scrypt\$/)

    mails.assertSentCount(VerifyEmailNotification, 1)
    const [sent] = mails.sent() as VerifyEmailNotification[]
    assert.equal(sent.user.id, user.id)
    assert.match(
      sent.url,
      new RegExp(`^http://[^/]+${urlFor('auth.verify', { id: user.id })}\\?signature=`)
    )
    await sent.message.computeContents()
    sent.message.assertTo('erika.mustermann@example.test')
    sent.message.assertSubject('Please confirm your e-mail address')
    sent.message.assertHtmlIncludes('Confirm e-mail address')
    sent.message.assertHtmlIncludes(sent.url.replace(/&/g, '&amp;'))
    sent.message.assertTextIncludes(sent.url)
    // Not signed in: the confirmation link does that.
    assert.isUndefined(response.session('auth_web'))
  })

  test('a German reader gets the German mail', async ({ client, assert }) => {
    const { mails } = mail.fake()

    await client.post(urlFor('auth.signup.store')).form(valid).withCsrfToken().redirects(0)
    await settleAfterResponse()

    const [sent] = mails.sent() as VerifyEmailNotification[]
    await sent.message.computeContents()
    sent.message.assertSubject('Bitte bestätigen Sie Ihre E-Mail-Adresse')
    sent.message.assertHtmlIncludes('Hallo Erika Mustermann,')
    sent.message.assertHtmlIncludes('<html lang="de">')
    assert.equal(sent.user.locale, 'de')
  })

  test('reports each missing field by its name, in German', async ({ client, assert }) => {
    const response = await client
      .post(urlFor('auth.signup.store'))
      .form({ name: '', email: '', password: '', password_confirmation: '' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertValidationError('name', 'Bitte füllen Sie das Feld „Name“ aus.')
    response.assertValidationError('email', 'Bitte füllen Sie das Feld „E-Mail-Adresse“ aus.')
    response.assertValidationError('password', 'Bitte füllen Sie das Feld „Passwort“ aus.')
    assert.equal(
      await User.query()
        .count('* as total')
        .then((r) => Number(r[0].$extras.total)),
      0
    )
  })

  test('refuses a password under 12 characters, an unrepeated one and a bad address', async ({
    client,
    assert,
  }) => {
    const short = await client
      .post(urlFor('auth.signup.store'))
      .form({ ...valid, password: 'elevenchars', password_confirmation: 'elevenchars' })
      .withCsrfToken()
      .redirects(0)
    short.assertValidationError('password', 'Das Passwort muss mindestens 12 Zeichen lang sein.')
    short.assertDoesNotHaveValidationError('name')
    // The summary above the form speaks the page's language too.
    assert.deepEqual(short.flashMessage('errorsBag'), {
      E_VALIDATION_ERROR:
        'Das Formular wurde nicht gespeichert. Bitte korrigieren Sie den markierten Fehler.',
    })
    // Old input comes back, but never the password.
    assert.equal(short.flashMessage('name'), 'Erika Mustermann')
    assert.isUndefined(short.flashMessage('password'))

    const mismatch = await client
      .post(urlFor('auth.signup.store'))
      .form({ ...valid, password_confirmation: 'something-else-entirely' })
      .withCsrfToken()
      .redirects(0)
    mismatch.assertValidationError(
      'password_confirmation',
      'Die beiden Passwörter stimmen nicht überein.'
    )

    const badEmail = await client
      .post(urlFor('auth.signup.store'))
      .header('accept-language', 'en')
      .form({ ...valid, email: 'not-an-address' })
      .withCsrfToken()
      .redirects(0)
    badEmail.assertValidationError('email', 'Please enter a valid e-mail address.')
    assert.equal(
      badEmail.flashMessage('errorsBag.E_VALIDATION_ERROR'),
      'The form was not saved. Please correct the marked error.'
    )

    assert.isNull(await User.findBy('email', 'erika.mustermann@example.test'))
  })

  test('an address with an account gets the same answer, and its owner a notice', async ({
    client,
    assert,
  }) => {
    const owner = await createUser({ email: 'erika.mustermann@example.test', locale: 'en' })
    const { mails } = mail.fake()

    const response = await client
      .post(urlFor('auth.signup.store'))
      .form({ ...valid, email: 'ERIKA.Mustermann@example.test' })
      .withCsrfToken()
      .redirects(0)
    await settleAfterResponse()

    response.assertStatus(302)
    response.assertHeader('location', urlFor('auth.login'))
    response.assertFlashMessage(
      'notice',
      'Danke! Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie Ihre E-Mail-Adresse über den Link darin.'
    )
    response.assertFlashMissing('errorsBag')
    assert.lengthOf(await User.query().where('email', 'erika.mustermann@example.test'), 1)
    // The account itself is untouched.
    const passwordHash = owner.password
    await owner.refresh()
    assert.equal(owner.password, passwordHash)

    mails.assertNotSent(VerifyEmailNotification)
    mails.assertSentCount(AccountExistsNotification, 1)
    const [notice] = mails.sent() as AccountExistsNotification[]
    await notice.message.computeContents()
    notice.message.assertTo('erika.mustermann@example.test')
    notice.message.assertSubject('Someone tried to register with your e-mail address')
    notice.message.assertTextIncludes(notice.url)
    assert.match(notice.url, new RegExp(`${urlFor('auth.password.forgot')}$`))
  })

  test('the owner notice is German for a German account', async ({ client }) => {
    await createUser({ email: 'anna@example.test', locale: 'de' })
    const { mails } = mail.fake()

    await client
      .post(urlFor('auth.signup.store'))
      .form({ ...valid, email: 'anna@example.test' })
      .withCsrfToken()
      .redirects(0)
    await settleAfterResponse()

    const [notice] = mails.sent() as AccountExistsNotification[]
    await notice.message.computeContents()
    notice.message.assertSubject('Jemand wollte sich mit Ihrer E-Mail-Adresse registrieren')
    notice.message.assertHtmlIncludes('Passwort zurücksetzen')
  })

  test('common and breached passwords are refused, with a message in the page language', async ({
    client,
  }) => {
    for (const password of ['aaaaaaaaaaaa', 'password1234']) {
      const german = await client
        .post(urlFor('auth.signup.store'))
        .form({ ...valid, password, password_confirmation: password })
        .withCsrfToken()
        .redirects(0)
      german.assertValidationError(
        'password',
        'Dieses Passwort ist zu leicht zu erraten: Es ist verbreitet, tauchte in Datenlecks auf oder enthält Ihren Namen. Wählen Sie bitte ein anderes, zum Beispiel mehrere Wörter mit Bindestrichen.'
      )
    }
    const english = await client
      .post(urlFor('auth.signup.store'))
      .header('accept-language', 'en')
      .form({ ...valid, password: 'erikamustermann', password_confirmation: 'erikamustermann' })
      .withCsrfToken()
      .redirects(0)
    english.assertValidationError(
      'password',
      'This password is too easy to guess: it is common, has appeared in data breaches or contains your name. Please choose another one, for example several words joined by hyphens.'
    )
  })

  test('sign-ups mail one address at most 3 times an hour, with the same answer', async ({
    client,
  }) => {
    await createUser({ email: 'erika.mustermann@example.test' })
    const { mails } = mail.fake()

    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await client
        .post(urlFor('auth.signup.store'))
        .form(valid)
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', urlFor('auth.login'))
      response.assertFlashMessage(
        'notice',
        'Danke! Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie Ihre E-Mail-Adresse über den Link darin.'
      )
    }
    await settleAfterResponse()
    mails.assertSentCount(AccountExistsNotification, 3)
  })

  test('the form shows flashed errors and old input after a failed attempt', async ({ client }) => {
    const response = await client.get(urlFor('auth.signup')).withFlashMessages({
      name: 'Erika',
      inputErrorsBag: { password: ['Das Passwort muss mindestens 12 Zeichen lang sein.'] },
    })

    response.assertStatus(200)
    response.assertTextIncludes('value="Erika"')
    response.assertTextIncludes('Das Passwort muss mindestens 12 Zeichen lang sein.')
    response.assertTextIncludes('aria-invalid="true"')
  })

  test('a signed-in user is sent to the account instead', async ({ client }) => {
    const user = await createUser()

    const response = await client.get(urlFor('auth.signup')).loginAs(user).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('account.home'))
  })
})
