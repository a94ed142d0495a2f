import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import mail from '@adonisjs/mail/services/main'
import limiter from '@adonisjs/limiter/services/main'
import AccountService from '#services/accounts/account_service'
import MailLimit from '#services/mail/mail_limit'
import VerifyEmailNotification from '#mails/verify_email_notification'
import { createUser } from '#tests/helpers/users'

/** The path and query of the link the sign-up mail carries. */
function linkFor(user: Parameters<AccountService['verificationUrl']>[0], next?: string) {
  const url = new URL(
    new AccountService(new MailLimit()).verificationUrl(user, 'http://localhost', next)
  )
  return `${url.pathname}${url.search}`
}

test.group('E-mail confirmation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('the signed link confirms the address, logs the user in and opens the account', async ({
    client,
    assert,
  }) => {
    const user = await createUser({ confirmed: false })

    const response = await client.get(linkFor(user)).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('account.home'))
    response.assertFlashMessage('notice', 'Danke! Ihre E-Mail-Adresse ist bestätigt.')
    response.assertSession('auth_web', user.id)
    await user.refresh()
    assert.isTrue(user.isConfirmed)
  })

  test('a tampered link confirms nothing and logs nobody in', async ({ client, assert }) => {
    const victim = await createUser({ confirmed: false })
    const other = await createUser({ confirmed: false })
    // Someone else's signature on the victim's id.
    const signature = new URL(linkFor(other), 'http://localhost').searchParams.get('signature')

    const forged = await client
      .get(urlFor('auth.verify', { id: victim.id }, { qs: { signature } }))
      .redirects(0)
    const missing = await client.get(urlFor('auth.verify', { id: victim.id })).redirects(0)

    for (const response of [forged, missing]) {
      response.assertStatus(302)
      response.assertHeader('location', urlFor('auth.login'))
      response.assertFlashMessage(
        'alert',
        'Dieser Bestätigungslink ist ungültig oder abgelaufen. Melden Sie sich an und fordern Sie in Ihrem Konto einen neuen an.'
      )
      response.assertSessionMissing('auth_web')
    }
    await victim.refresh()
    assert.isFalse(victim.isConfirmed)
  })

  test('a link older than 24 hours has expired', async ({ client, assert }) => {
    const user = await createUser({ confirmed: false })
    const realNow = Date.now
    Date.now = () => realNow() - 24 * 60 * 60 * 1000 - 60 * 1000
    let link: string
    try {
      link = linkFor(user)
    } finally {
      Date.now = realNow
    }

    const response = await client.get(link).redirects(0)

    response.assertHeader('location', urlFor('auth.login'))
    response.assertSessionMissing('auth_web')
    await user.refresh()
    assert.isFalse(user.isConfirmed)
  })

  test('a link that was used already does not log in again', async ({ client }) => {
    const user = await createUser({ confirmed: true })

    const response = await client.get(linkFor(user)).redirects(0)

    response.assertHeader('location', urlFor('auth.login'))
    response.assertFlashMessage(
      'notice',
      'Ihre E-Mail-Adresse ist bereits bestätigt. Bitte melden Sie sich an.'
    )
    response.assertSessionMissing('auth_web')
  })

  test('a disabled account cannot be confirmed through its link', async ({ client, assert }) => {
    const user = await createUser({ confirmed: false, disabled: true })

    const response = await client.get(linkFor(user)).redirects(0)

    response.assertHeader('location', urlFor('auth.login'))
    response.assertSessionMissing('auth_web')
    await user.refresh()
    assert.isFalse(user.isConfirmed)
  })

  test('an unconfirmed user sees the state and can have the link sent again', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const user = await createUser({ confirmed: false, locale: 'en' })

    const page = await client.get(urlFor('account.home')).loginAs(user)
    page.assertStatus(200)
    page.assertTextIncludes('not confirmed yet')
    page.assertTextIncludes('Send the confirmation link again')

    const response = await client
      .post(urlFor('account.verification.resend'))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', urlFor('account.home'))
    response.assertFlashMessage('notice', 'We have sent you a new confirmation link.')
    mails.assertSent(VerifyEmailNotification, (sent) => sent.user.id === user.id)
    const [sent] = mails.sent() as VerifyEmailNotification[]
    const followed = await client
      .get(new URL(sent.url).pathname + new URL(sent.url).search)
      .redirects(0)
    followed.assertHeader('location', urlFor('account.home'))
    await user.refresh()
    assert.isTrue(user.isConfirmed)
  })

  test('a confirmed user gets no new link', async ({ client }) => {
    const { mails } = mail.fake()
    const user = await createUser()

    const response = await client
      .post(urlFor('account.verification.resend'))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)

    response.assertFlashMessage('notice', 'Ihre E-Mail-Adresse ist bereits bestätigt.')
    mails.assertNoneSent()
  })

  test('a link opened while someone else is signed in confirms, but never switches accounts', async ({
    client,
    assert,
  }) => {
    const owner = await createUser({ confirmed: false, email: 'owner@example.test' })
    const someoneElse = await createUser({ name: 'Max Beispiel' })

    const response = await client.get(linkFor(owner)).loginAs(someoneElse).redirects(0)

    response.assertHeader('location', urlFor('account.home'))
    response.assertSession('auth_web', someoneElse.id)
    response.assertFlashMessage(
      'notice',
      'Die E-Mail-Adresse ist bestätigt. Sie bleiben als Max Beispiel angemeldet; melden Sie sich ab, um das andere Konto zu nutzen.'
    )
    await owner.refresh()
    assert.isTrue(owner.isConfirmed)
  })

  test('the owner signed in already just gets the confirmation', async ({ client, assert }) => {
    const owner = await createUser({ confirmed: false })

    const response = await client.get(linkFor(owner)).loginAs(owner).redirects(0)

    response.assertHeader('location', urlFor('account.home'))
    response.assertSession('auth_web', owner.id)
    response.assertFlashMessage('notice', 'Danke! Ihre E-Mail-Adresse ist bestätigt.')
    await owner.refresh()
    assert.isTrue(owner.isConfirmed)
  })

  test('a link carries its signed next page; a changed one is refused', async ({ client }) => {
    const user = await createUser({ confirmed: false })
    const link = linkFor(user, '/account/invitations/abc')

    const response = await client.get(link).redirects(0)
    response.assertHeader('location', '/account/invitations/abc')
    response.assertSession('auth_web', user.id)

    const other = await createUser({ confirmed: false })
    const forged = linkFor(other, '/account/invitations/abc').replace('abc', 'xyz')
    const refused = await client.get(forged).redirects(0)
    refused.assertHeader('location', urlFor('auth.login'))
    refused.assertSessionMissing('auth_web')
  })

  test('after confirming, a new member is offered the next steps', async ({ client, assert }) => {
    const user = await createUser({ confirmed: false })
    const confirm = await client.get(linkFor(user)).redirects(0)
    confirm.assertHeader('location', urlFor('account.home'))
    await user.refresh()

    const response = await client.get(urlFor('account.home')).loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('Wie geht es weiter?')
    response.assertTextIncludes(`href="${urlFor('account.vendors.create')}"`)
    response.assertTextIncludes(`href="${urlFor('advertise')}"`)

    const unconfirmed = await createUser({ confirmed: false })
    const before = await client.get(urlFor('account.home')).loginAs(unconfirmed)
    assert.notInclude(before.text(), 'Wie geht es weiter?')
  })

  test('the link is sent again at most 3 times an hour, with the same answer', async ({
    client,
  }) => {
    const { mails } = mail.fake()
    const user = await createUser({ confirmed: false })

    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await client
        .post(urlFor('account.verification.resend'))
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
      response.assertFlashMessage(
        'notice',
        'Wir haben Ihnen einen neuen Bestätigungslink geschickt.'
      )
    }
    mails.assertSentCount(VerifyEmailNotification, 3)
  })
})
