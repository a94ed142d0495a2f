import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { readMailbox } from '#services/mail/mailbox_transport'
import { run, SeparateServer } from '#tests/helpers/separate_server'

const DIGEST_SUBJECT = 'Neues aus Ihren Themen im Anbieterverzeichnis'

/**
 * A confirmed subscription to a new topic and one news item published in
 * it, written to the separate database as the app would leave them.
 */
async function subscriberWithNews(server: SeparateServer, slug: string, email: string) {
  const client = db.connection(server.name)
  const stamp = (moment: DateTime) => moment.toFormat(client.dialect.dateTimeFormat)
  const now = DateTime.now()
  const [topic] = await client
    .table('topics')
    .insert({
      slug,
      name: slug,
      description: '',
      position: 1,
      created_at: stamp(now),
      updated_at: stamp(now),
    })
    .returning('id')
  const topicId = typeof topic === 'object' ? topic.id : topic
  const [subscription] = await client
    .table('subscriptions')
    .insert({
      email,
      locale: 'de',
      kinds: 'both',
      frequency: 'immediate',
      confirmed_at: stamp(now.minus({ hours: 1 })),
      created_at: stamp(now.minus({ hours: 1 })),
      updated_at: stamp(now.minus({ hours: 1 })),
    })
    .returning('id')
  const subscriptionId = typeof subscription === 'object' ? subscription.id : subscription
  await client
    .table('subscription_topics')
    .insert({ subscription_id: subscriptionId, topic_id: topicId })
  const [item] = await client
    .table('news_items')
    .insert({
      slug: `${slug}-meldung`,
      title: `Neu in ${slug}`,
      published_on: now.toISODate(),
      teaser: 'Ein Anreißer.',
      body: 'Ein Text.',
      status: 'published',
      published_at: stamp(now.minus({ minutes: 1 })),
      created_at: stamp(now),
      updated_at: stamp(now),
    })
    .returning('id')
  const itemId = typeof item === 'object' ? item.id : item
  await client.table('news_topics').insert({ news_item_id: itemId, topic_id: topicId, position: 0 })
}

async function digestsTo(server: SeparateServer, email: string) {
  const mails = await readMailbox(app.makePath(`tmp/mailbox-${server.name}-${process.pid}`))
  return mails.filter((mail) => mail.to.includes(email) && mail.subject === DIGEST_SUBJECT)
}

test.group('Subscriptions / digests in real processes', (group) => {
  const server = new SeparateServer('digests', { DIGEST_INTERVAL_MS: '300' })
  group.setup(() => server.prepare())
  group.teardown(() => server.cleanup())

  test('node ace digest:send, as a cron line runs it, sends once however often it runs', async ({
    assert,
  }) => {
    await subscriberWithNews(server, 'cron-thema', 'cron@example.test')
    await run(['ace.js', 'digest:send'], server.env())
    await run(['ace.js', 'digest:send'], server.env())

    const digests = await digestsTo(server, 'cron@example.test')
    assert.lengthOf(digests, 1)
    assert.include(digests[0].text ?? '', 'Neu in cron-thema')
    assert.match(digests[0].text ?? '', /\/subscriptions\/\d+\/unsubscribe\?lang=de&signature=/)
  }).timeout(60_000)

  test('npm start sends due digests on its own schedule', async ({ assert }) => {
    await server.start()
    await subscriberWithNews(server, 'server-thema', 'server@example.test')
    const until = Date.now() + 15_000
    let sent = await digestsTo(server, 'server@example.test')
    while (Date.now() < until && sent.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      sent = await digestsTo(server, 'server@example.test')
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const digests = await digestsTo(server, 'server@example.test')
    assert.lengthOf(digests, 1, server.output)
    assert.include(digests[0].text ?? '', 'Neu in server-thema')
    await server.stop()
  }).timeout(90_000)
})
