import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import mail from '@adonisjs/mail/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Subscription from '#models/subscription'
import SubscriptionConfirmMail from '#mails/subscription_confirm_mail'
import SubscriptionKnownMail from '#mails/subscription_known_mail'
import { settleAfterResponse } from '#services/after_response'
import { FORM_TOKEN_TTL_MS, issueFormToken } from '#services/subscriptions/form_token'
import { withSettledGlobalTransaction } from '#tests/helpers/after_response'
import { createNews } from '#tests/helpers/news'
import { createSubscription, pathOf, socialMedia } from '#tests/helpers/subscriptions'
import { createUser } from '#tests/helpers/users'
import { TopicFactory } from '#database/factories/topic_factory'
import DigestService from '#services/subscriptions/digest_service'
import { DateTime } from 'luxon'

const form = (fields: Record<string, unknown> = {}) => ({
  token: issueFormToken(),
  email: 'Leserin@Example.test',
  topics: ['social-media'],
  kinds: ['news', 'vendors'],
  frequency: 'weekly',
  ...fields,
})

async function subscriptionCount() {
  const [row] = await Subscription.query().count('* as total')
  return Number(row.$extras.total)
}

test.group('Subscriptions / the public form', (group) => {
  group.each.setup(() => withSettledGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('topic and news pages carry the form with a signed token and set no cookie', async ({
    client,
    assert,
  }) => {
    const topic = await socialMedia()
    const item = await createNews({ slug: 'eine-meldung' }, [topic])

    for (const url of [
      urlFor('topics.show', { slug: topic.slug }),
      urlFor('news.show', { slug: item.slug }),
      urlFor('subscriptions.create', {}, { qs: { topic: topic.slug } }),
    ]) {
      const response = await client.get(url)
      response.assertStatus(200)
      assert.notExists(response.header('set-cookie'), url)
      const html = response.text()
      assert.include(html, `action="${urlFor('subscriptions.store')}"`, url)
      assert.match(html, /<input type="hidden" name="token" value="[^"]+">/, url)
      assert.include(html, 'value="social-media"', url)
      assert.notInclude(html, 'name="_csrf"', url)
    }
    const box = await client.get(urlFor('topics.show', { slug: topic.slug }))
    box.assertTextIncludes('Neuigkeiten aus dem Bereich Social Media abonnieren')
  })

  test('subscribing creates an unconfirmed subscription and mails the signed confirmation link', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const topic = await socialMedia()

    const response = await client.post(urlFor('subscriptions.store')).form(form()).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', urlFor('subscriptions.sent'))
    assert.notExists(response.header('set-cookie'))
    await settleAfterResponse()

    const subscription = await Subscription.findByOrFail('email', 'leserin@example.test')
    await subscription.load('topics')
    assert.isNull(subscription.confirmedAt)
    assert.equal(subscription.kinds, 'both')
    assert.equal(subscription.frequency, 'weekly')
    assert.equal(subscription.locale, 'de')
    assert.deepEqual(
      subscription.topics.map((t) => t.id),
      [topic.id]
    )

    mails.assertSentCount(SubscriptionConfirmMail, 1)
    const [sent] = mails.sent() as SubscriptionConfirmMail[]
    await sent.message.computeContents()
    sent.message.assertTo('leserin@example.test')
    sent.message.assertSubject('Bitte bestätigen Sie Ihr Abonnement')
    const confirmPath = urlFor('subscriptions.confirm', { id: subscription.id })
    assert.match(sent.confirmUrl, new RegExp(`^http://[^/]+${confirmPath}\\?`))
    sent.message.assertTextIncludes(sent.confirmUrl)
    sent.message.assertHtmlIncludes(sent.confirmUrl.replace(/&/g, '&amp;'))
    // RFC 8058: the one-click link, and the manage link in the body.
    const unsubscribePath = urlFor('subscriptions.unsubscribe', { id: subscription.id })
    const header = sent.message.toJSON().message.headers as Record<string, string>
    assert.match(
      header['List-Unsubscribe'],
      new RegExp(`^<http://[^/]+${unsubscribePath}\\?.*signature=.+>$`)
    )
    sent.message.assertHeader('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click')
    sent.message.assertTextIncludes(urlFor('subscriptions.manage', { id: subscription.id }))

    const page = await client.get(urlFor('subscriptions.sent'))
    page.assertStatus(200)
    page.assertTextIncludes('Bitte prüfen Sie Ihr Postfach')
    assert.notExists(page.header('set-cookie'))
  })

  test('a confirmed address gets the same answer, its manage link, and no change', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const topic = await socialMedia()
    const other = await TopicFactory.merge({ slug: 'e-government' }).create()
    const existing = await createSubscription([topic], { kinds: 'news', frequency: 'immediate' })

    const fresh = await client
      .post(urlFor('subscriptions.store'))
      .form(form({ email: 'neu@example.test' }))
      .redirects(0)
    const known = await client
      .post(urlFor('subscriptions.store'))
      .form(form({ topics: ['e-government'], kinds: ['vendors'] }))
      .redirects(0)
    await settleAfterResponse()

    // Nothing in the answer tells the two apart.
    assert.equal(known.status(), fresh.status())
    assert.equal(known.header('location'), fresh.header('location'))
    assert.equal(known.text(), fresh.text())

    mails.assertSentCount(SubscriptionConfirmMail, 1)
    mails.assertSentCount(SubscriptionKnownMail, 1)
    const sent = mails.sent((m) => m instanceof SubscriptionKnownMail)[0] as SubscriptionKnownMail
    await sent.message.computeContents()
    sent.message.assertTo('leserin@example.test')
    sent.message.assertTextIncludes(urlFor('subscriptions.manage', { id: existing.id }))
    sent.message.assertHeader('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click')

    await existing.refresh()
    await existing.load('topics')
    assert.equal(existing.kinds, 'news')
    assert.deepEqual(
      existing.topics.map((t) => t.id),
      [topic.id]
    )
    assert.notInclude(
      existing.topics.map((t) => t.id),
      other.id
    )
  })

  test('asking again for an unconfirmed address takes the new choice and restarts its 7 days', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const topic = await socialMedia()
    await TopicFactory.merge({ slug: 'e-government' }).create()
    const old = await createSubscription([topic], {
      confirmed: false,
      kinds: 'news',
      createdAt: DateTime.now().minus({ days: 8 }),
    })

    await client
      .post(urlFor('subscriptions.store'))
      .form(form({ topics: ['e-government'], kinds: ['vendors'] }))
      .redirects(0)
    await settleAfterResponse()

    mails.assertSentCount(SubscriptionConfirmMail, 1)
    await old.refresh()
    await old.load('topics')
    assert.equal(old.kinds, 'vendors')
    assert.deepEqual(
      old.topics.map((t) => t.slug),
      ['e-government']
    )
    assert.equal(await new DigestService().purgeUnconfirmed(DateTime.now()), 0)
    assert.isNotNull(await Subscription.find(old.id))
  })

  test('repeated requests for one address send one mail an hour', async ({ client }) => {
    const { mails } = mail.fake()
    await socialMedia()
    await createSubscription([], { email: 'bekannt@example.test' })

    for (let i = 0; i < 4; i++) {
      const unknown = await client.post(urlFor('subscriptions.store')).form(form()).redirects(0)
      unknown.assertStatus(302)
      const known = await client
        .post(urlFor('subscriptions.store'))
        .form(form({ email: 'Bekannt@example.test' }))
        .redirects(0)
      known.assertStatus(302)
    }
    await settleAfterResponse()
    mails.assertSentCount(SubscriptionConfirmMail, 1)
    mails.assertSentCount(SubscriptionKnownMail, 1)
  })

  test('one IP can ask for at most 20 mails an hour', async ({ client, assert }) => {
    const { mails } = mail.fake()
    await socialMedia()
    for (let i = 0; i < 22; i++) {
      const response = await client
        .post(urlFor('subscriptions.store'))
        .form(form({ email: `leser${i}@example.test` }))
        .redirects(0)
      response.assertStatus(302)
    }
    await settleAfterResponse()
    mails.assertSentCount(SubscriptionConfirmMail, 20)
    assert.equal(await subscriptionCount(), 20)
  })

  test('a forged, altered or expired form token is refused and nothing is sent', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    await socialMedia()
    const old = issueFormToken(new Date(Date.now() - FORM_TOKEN_TTL_MS - 60_000))
    const good = issueFormToken()
    const cases = [
      { token: undefined, message: 'Das Formular konnte nicht geprüft werden.' },
      { token: 'forged', message: 'Das Formular konnte nicht geprüft werden.' },
      { token: good.slice(0, -2) + 'xx', message: 'Das Formular konnte nicht geprüft werden.' },
      { token: old, message: 'Das Formular ist abgelaufen.' },
    ]
    for (const { token, message } of cases) {
      const response = await client
        .post(urlFor('subscriptions.store'))
        .form(form({ token }))
        .redirects(0)
      response.assertStatus(422)
      response.assertTextIncludes(message)
      // The form again, with a fresh token and what was entered.
      response.assertTextIncludes('value="Leserin@Example.test"')
      assert.notExists(response.header('set-cookie'))
    }
    await settleAfterResponse()
    mails.assertNoneSent()
    assert.equal(await subscriptionCount(), 0)
  })

  test('bad input is answered 422 with a message per field, in the reader language', async ({
    client,
    assert,
  }) => {
    await socialMedia()
    const response = await client
      .post(urlFor('subscriptions.store'))
      .form({ token: issueFormToken(), email: 'keine-adresse', topics: ['gibt-es-nicht'] })
      .redirects(0)
    response.assertStatus(422)
    response.assertTextIncludes('Bitte geben Sie eine gültige E-Mail-Adresse an.')
    response.assertTextIncludes('Mindestens eines der gewählten Themen gibt es nicht.')
    response.assertTextIncludes('Bitte wählen Sie Meldungen, neue Anbieter oder beides.')
    response.assertTextIncludes('Bitte wählen Sie, wie oft Sie E-Mails erhalten möchten.')

    const english = await client
      .post(urlFor('subscriptions.store', {}, { qs: { lang: 'en' } }))
      .form({
        token: issueFormToken(),
        email: 'leser@example.test',
        kinds: ['news'],
        frequency: 'daily',
      })
      .redirects(0)
    english.assertStatus(422)
    english.assertTextIncludes('Please choose at least one topic.')
    english.assertTextIncludes('Please choose “weekly” or “immediately”.')
    await settleAfterResponse()
    assert.equal(await subscriptionCount(), 0)
  })

  test('a signed-in reader can subscribe from a reader page without a CSRF token', async ({
    client,
  }) => {
    const { mails } = mail.fake()
    await socialMedia()
    const user = await createUser()
    const response = await client
      .post(urlFor('subscriptions.store'))
      .form(form())
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', urlFor('subscriptions.sent'))
    await settleAfterResponse()
    mails.assertSentCount(SubscriptionConfirmMail, 1)
  })

  test('the English form sends the English mail, and its links keep the language', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    await socialMedia()
    const response = await client
      .post(urlFor('subscriptions.store', {}, { qs: { lang: 'en' } }))
      .form(form())
      .redirects(0)
    response.assertHeader('location', urlFor('subscriptions.sent', {}, { qs: { lang: 'en' } }))
    await settleAfterResponse()
    const [sent] = mails.sent() as SubscriptionConfirmMail[]
    await sent.message.computeContents()
    sent.message.assertSubject('Please confirm your subscription')
    assert.include(pathOf(sent.confirmUrl), 'lang=en')
  })
})
