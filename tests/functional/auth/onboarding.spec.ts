import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import mail from '@adonisjs/mail/services/main'
import limiter from '@adonisjs/limiter/services/main'
import User from '#models/user'
import VendorMember from '#models/vendor_member'
import VerifyEmailNotification from '#mails/verify_email_notification'
import VendorInvitationNotification from '#mails/vendor_invitation_notification'
import { settleAfterResponse } from '#services/after_response'
import { createUser, DEFAULT_PASSWORD } from '#tests/helpers/users'
import { ownedVendor } from '#tests/helpers/vendor_accounts'
import { withSettledGlobalTransaction } from '#tests/helpers/after_response'

const pathOf = (url: string) => new URL(url).pathname + new URL(url).search

test.group('Onboarding', (group) => {
  group.each.setup(() => withSettledGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('an invitation survives sign-up: sign up, confirm, land on the invitation', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({ attributes: { name: 'Einladende GmbH' } })
    const { mails } = mail.fake()
    await client
      .post(urlFor('account.vendors.invitations.store', { id: vendor.id }))
      .form({ email: 'neu@example.test', role: 'member' })
      .withCsrfToken()
      .loginAs(owner)
    const [invitationMail] = mails.sent() as VendorInvitationNotification[]
    const invitationPath = new URL(invitationMail.url).pathname

    // Without an account, the link asks for a log-in and remembers the invitation.
    const opened = await client.get(invitationPath).redirects(0)
    opened.assertHeader('location', urlFor('auth.login'))
    const browserSession = opened.session() as Record<string, any>

    const signup = await client
      .post(urlFor('auth.signup.store'))
      .withSession(browserSession)
      .form({
        name: 'Nora Neu',
        email: 'neu@example.test',
        password: 'glacier-umbrella-tangent',
        password_confirmation: 'glacier-umbrella-tangent',
      })
      .withCsrfToken()
      .redirects(0)
    signup.assertHeader('location', urlFor('auth.login'))
    await settleAfterResponse()

    // The confirmation link is opened elsewhere (the mail app): no session needed.
    const verify = mails.sent().find((m) => m instanceof VerifyEmailNotification)!
    const confirmed = await client.get(pathOf(verify.url)).redirects(0)
    confirmed.assertHeader('location', invitationPath)
    const user = await User.findByOrFail('email', 'neu@example.test')
    confirmed.assertSession('auth_web', user.id)

    const page = await client.get(invitationPath).loginAs(user)
    page.assertStatus(200)
    page.assertTextIncludes('Einladende GmbH')
    page.assertTextIncludes('Einladung annehmen')
    await client
      .post(urlFor('account.invitations.accept', { token: invitationPath.split('/').pop()! }))
      .withCsrfToken()
      .loginAs(user)
    assert.isNotNull(
      await VendorMember.query().where('vendor_id', vendor.id).where('user_id', user.id).first()
    )
  })

  test('invitations mail one address at most 3 times an hour, with the same answer', async ({
    client,
  }) => {
    const { vendor, owner } = await ownedVendor()
    const { mails } = mail.fake()

    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await client
        .post(urlFor('account.vendors.invitations.store', { id: vendor.id }))
        .form({ email: 'oft@example.test', role: 'member' })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
      response.assertHeader('location', urlFor('account.vendors.show', { id: vendor.id }))
      response.assertFlashMessage('notice', 'Die Einladung an oft@example.test ist verschickt.')
    }
    mails.assertSentCount(VendorInvitationNotification, 3)
  })

  test('editors and admins land on the review queue after log-in; members on their account', async ({
    client,
  }) => {
    for (const [role, landing] of [
      ['editor', urlFor('editorial.queue')],
      ['admin', urlFor('editorial.queue')],
      ['member', urlFor('account.home')],
    ] as const) {
      const user = await createUser({ role })
      const response = await client
        .post(urlFor('auth.login.store'))
        .form({ email: user.email, password: DEFAULT_PASSWORD })
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', landing)
    }
  })

  test('a page that asked for the log-in still comes first for editors', async ({ client }) => {
    const editor = await createUser({ role: 'editor' })
    const response = await client
      .post(urlFor('auth.login.store'))
      .withSession({ intended_url: urlFor('account.vendors.index') })
      .form({ email: editor.email, password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', urlFor('account.vendors.index'))
  })
})
