import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import mail from '@adonisjs/mail/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Subscription from '#models/subscription'
import SubscriptionConfirmMail from '#mails/subscription_confirm_mail'
import SubscriptionKnownMail from '#mails/subscription_known_mail'
import { settleAfterResponse } from '#services/after_response'
import { withSettledGlobalTransaction } from '#tests/helpers/after_response'
import { createSubscription, socialMedia } from '#tests/helpers/subscriptions'

const body = {
  email: 'Leserin@Example.test',
  topics: ['social-media'],
  kinds: ['news', 'vendors'],
  frequency: 'immediate',
}

test.group('Subscriptions / API', (group) => {
  group.each.setup(() => withSettledGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('POST /api/v1/subscriptions answers 202 for a new address and mails the confirmation', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const topic = await socialMedia()
    const response = await client.post(urlFor('api.v1.subscriptions.store')).json(body)
    response.assertStatus(202)
    response.assertBody({ data: { status: 'pending_confirmation' } })
    assert.notExists(response.header('set-cookie'))
    await settleAfterResponse()

    const subscription = await Subscription.findByOrFail('email', 'leserin@example.test')
    await subscription.load('topics')
    assert.isNull(subscription.confirmedAt)
    assert.equal(subscription.kinds, 'both')
    assert.equal(subscription.frequency, 'immediate')
    assert.deepEqual(
      subscription.topics.map((t) => t.id),
      [topic.id]
    )
    mails.assertSentCount(SubscriptionConfirmMail, 1)
  })

  test('a known address gets the same 202, and nothing about it changes', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const topic = await socialMedia()
    const existing = await createSubscription([topic], { kinds: 'news', frequency: 'weekly' })

    const known = await client
      .post(urlFor('api.v1.subscriptions.store'))
      .json({ ...body, kinds: ['vendors'] })
    const unknown = await client
      .post(urlFor('api.v1.subscriptions.store'))
      .json({ ...body, email: 'neu@example.test' })
    known.assertStatus(202)
    unknown.assertStatus(202)
    assert.deepEqual(known.body(), unknown.body())
    await settleAfterResponse()

    mails.assertSentCount(SubscriptionKnownMail, 1)
    mails.assertSentCount(SubscriptionConfirmMail, 1)
    await existing.refresh()
    assert.equal(existing.kinds, 'news')
    assert.equal(existing.frequency, 'weekly')
  })

  test('bad input: 422 with one entry per field', async ({ client, assert }) => {
    await socialMedia()
    const response = await client
      .post(urlFor('api.v1.subscriptions.store'))
      .header('accept-language', 'en')
      .json({ email: 'nope', topics: ['unknown-topic'], kinds: ['gossip'], frequency: 'daily' })
    response.assertStatus(422)
    assert.sameDeepMembers(response.body().errors, [
      { field: 'email', message: 'Please enter a valid e-mail address.' },
      { field: 'topics', message: 'At least one of the chosen topics does not exist.' },
      { field: 'kinds.0', message: 'Please choose news, new vendors or both.' },
      { field: 'frequency', message: 'Please choose “weekly” or “immediately”.' },
    ])

    const missing = await client.post(urlFor('api.v1.subscriptions.store')).json({})
    missing.assertStatus(422)
    assert.sameDeepMembers(missing.body().errors, [
      { field: 'email', message: 'Bitte füllen Sie das Feld „E-Mail-Adresse“ aus.' },
      { field: 'topics', message: 'Bitte wählen Sie mindestens ein Thema.' },
      { field: 'kinds', message: 'Bitte wählen Sie Meldungen, neue Anbieter oder beides.' },
      { field: 'frequency', message: 'Bitte wählen Sie, wie oft Sie E-Mails erhalten möchten.' },
    ])
    await settleAfterResponse()
    assert.equal(
      await Subscription.query()
        .count('* as total')
        .then((rows) => Number(rows[0].$extras.total)),
      0
    )
  })

  test('the API shares the mail limits: one mail an hour per address', async ({ client }) => {
    const { mails } = mail.fake()
    await socialMedia()
    for (let i = 0; i < 3; i++) {
      const response = await client.post(urlFor('api.v1.subscriptions.store')).json(body)
      response.assertStatus(202)
    }
    await settleAfterResponse()
    mails.assertSentCount(SubscriptionConfirmMail, 1)
  })
})
