import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { DateTime } from 'luxon'
import DigestSend from '../../../commands/digest_send.js'
import Subscription from '#models/subscription'
import SubscriptionDigestMail from '#mails/subscription_digest_mail'
import DigestService from '#services/subscriptions/digest_service'
import { runsDigestSchedule, startDigestScheduler } from '#services/subscriptions/digest_scheduler'
import { withSettledGlobalTransaction } from '#tests/helpers/after_response'
import { createVendor } from '#tests/helpers/directory'
import { createNews } from '#tests/helpers/news'
import { createSubscription, socialMedia } from '#tests/helpers/subscriptions'
import { TopicFactory } from '#database/factories/topic_factory'

async function ledgerCount() {
  const [row] = await db.from('subscription_deliveries').count('* as total')
  return Number(row.total)
}

async function digestCommand(...args: string[]) {
  const command = await ace.create(DigestSend, args)
  command.ui.switchMode('raw')
  await command.exec()
  return command
}

test.group('Subscriptions / digests', (group) => {
  group.each.setup(() => withSettledGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('an unconfirmed subscription receives nothing; a confirmed one gets the new items once', async ({
    assert,
  }) => {
    const { mails } = mail.fake()
    const topic = await socialMedia()
    const other = await TopicFactory.create()
    await createSubscription([topic], { email: 'offen@example.test', confirmed: false })
    const confirmed = await createSubscription([topic])
    const item = await createNews({ kicker: 'Social Media:', title: 'Neu im Netz' }, [topic])
    await createNews({ title: 'Anderes Thema' }, [other])
    await createNews({ title: 'Entwurf', status: 'draft' }, [topic])
    const vendor = await createVendor({ name: 'Netzwerk GmbH', publishedAt: DateTime.now() }, [
      topic,
    ])

    const digests = new DigestService()
    const first = await digests.run(DateTime.now().plus({ seconds: 1 }))
    assert.equal(first.sent, 1)

    mails.assertSentCount(SubscriptionDigestMail, 1)
    const [sent] = mails.sent() as SubscriptionDigestMail[]
    assert.equal(sent.subscription.id, confirmed.id)
    assert.deepEqual(
      sent.news.map((n) => n.id),
      [item.id]
    )
    assert.deepEqual(
      sent.vendors.map((v) => v.id),
      [vendor.id]
    )
    await sent.message.computeContents()
    sent.message.assertTo('leserin@example.test')
    sent.message.assertSubject('Neues aus Ihren Themen im Anbieterverzeichnis')
    sent.message.assertTextIncludes('Social Media: Neu im Netz')
    sent.message.assertTextIncludes(urlFor('news.show', { slug: item.slug }))
    sent.message.assertTextIncludes('Netzwerk GmbH')
    sent.message.assertTextIncludes(urlFor('subscriptions.manage', { id: confirmed.id }))
    const headers = sent.message.toJSON().message.headers as Record<string, string>
    assert.match(
      headers['List-Unsubscribe'],
      new RegExp(
        `^<http://[^>]+${urlFor('subscriptions.unsubscribe', { id: confirmed.id })}\\?[^>]*signature=[^>]+>$`
      )
    )
    sent.message.assertHeader('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click')
    assert.equal(await ledgerCount(), 2)

    // Safe to run twice: the second run finds nothing new.
    const second = await digests.run(DateTime.now().plus({ seconds: 2 }))
    assert.equal(second.planned, 0)
    mails.assertSentCount(SubscriptionDigestMail, 1)
  })

  test('two runs at once send each digest once', async ({ assert }) => {
    const { mails } = mail.fake()
    const topic = await socialMedia()
    await createSubscription([topic])
    await createNews({}, [topic])
    const now = DateTime.now().plus({ seconds: 1 })

    // Both plan before either sends, as two processes would.
    const [a, b] = [new DigestService(), new DigestService()]
    const [planA, planB] = [await a.plan(now), await b.plan(now)]
    assert.lengthOf(planA, 1)
    assert.lengthOf(planB, 1)
    const results = [await a.deliver(planA[0], now), await b.deliver(planB[0], now)]
    assert.deepEqual(results, [true, false])
    mails.assertSentCount(SubscriptionDigestMail, 1)
    assert.equal(await ledgerCount(), 1)
  })

  test('a weekly subscription gets one digest per week', async ({ assert }) => {
    const { mails } = mail.fake()
    const topic = await socialMedia()
    await createSubscription([topic], { frequency: 'weekly' })
    await createNews({}, [topic])
    const digests = new DigestService()
    const now = DateTime.now().plus({ seconds: 1 })
    const first = await digests.run(now)
    assert.equal(first.sent, 1)

    await createNews({}, [topic])
    const sameWeek = await digests.run(now.plus({ seconds: 1 }))
    assert.equal(sameWeek.planned, 0)
    const nextWeek = await digests.run(now.plus({ weeks: 1 }))
    assert.equal(nextWeek.sent, 1)
    mails.assertSentCount(SubscriptionDigestMail, 2)
  })

  test('a mail that fails gives its items back for the next run', async ({ assert }) => {
    const topic = await socialMedia()
    const subscription = await createSubscription([topic])
    await createNews({}, [topic])
    mail.restore()
    const original = mail.send.bind(mail)
    mail.send = async () => {
      throw new Error('SMTP down')
    }
    const digests = new DigestService()
    const now = DateTime.now().plus({ seconds: 1 })
    try {
      await assert.rejects(() => digests.run(now), 'SMTP down')
    } finally {
      mail.send = original
    }
    assert.equal(await ledgerCount(), 0)
    await subscription.refresh()
    assert.isNull(subscription.lastSentAt)

    const { mails } = mail.fake()
    const retried = await digests.run(now.plus({ seconds: 1 }))
    assert.equal(retried.sent, 1)
    mails.assertSentCount(SubscriptionDigestMail, 1)
  })

  test('unconfirmed subscriptions older than 7 days are deleted', async ({ assert }) => {
    const topic = await socialMedia()
    const old = await createSubscription([topic], {
      email: 'alt@example.test',
      confirmed: false,
      createdAt: DateTime.now().minus({ days: 8 }),
    })
    await createSubscription([topic], {
      email: 'neu@example.test',
      confirmed: false,
      createdAt: DateTime.now().minus({ days: 6 }),
    })
    await createSubscription([topic], {
      email: 'bestaetigt@example.test',
      createdAt: DateTime.now().minus({ days: 30 }),
    })

    const result = await new DigestService().run()
    assert.equal(result.purged, 1)
    assert.isNull(await Subscription.find(old.id))
    const left = await Subscription.query().orderBy('email')
    assert.deepEqual(
      left.map((s) => s.email),
      ['bestaetigt@example.test', 'neu@example.test']
    )
    const topics = await db.from('subscription_topics').where('subscription_id', old.id)
    assert.lengthOf(topics, 0)
  })

  test('digest:send --dry-run lists what is due and changes nothing; then it sends once', async ({
    assert,
  }) => {
    const { mails } = mail.fake()
    const topic = await socialMedia()
    await createSubscription([topic])
    await createSubscription([topic], {
      email: 'alt@example.test',
      confirmed: false,
      createdAt: DateTime.now().minus({ days: 8 }),
    })
    await createNews({ publishedAt: DateTime.now().minus({ minutes: 1 }) }, [topic])

    const dry = await digestCommand('--dry-run')
    assert.equal(dry.exitCode ?? 0, 0)
    const dryLog = dry.ui.logger
      .getLogs()
      .map((log) => log.message)
      .join('\n')
    assert.include(dryLog, 'leserin@example.test (immediate): 1 news item(s), 0 vendor(s)')
    assert.include(dryLog, '1 digest(s) due; 1 unconfirmed subscription(s) would be deleted')
    mails.assertNoneSent()
    assert.equal(await ledgerCount(), 0)
    assert.isNotNull(await Subscription.findBy('email', 'alt@example.test'))

    const real = await digestCommand()
    assert.equal(real.exitCode ?? 0, 0)
    const log = real.ui.logger
      .getLogs()
      .map((entry) => entry.message)
      .join('\n')
    assert.include(log, '1 digest(s) sent; 1 unconfirmed subscription(s) deleted')
    mails.assertSentCount(SubscriptionDigestMail, 1)

    const again = await digestCommand()
    assert.include(
      again.ui.logger
        .getLogs()
        .map((entry) => entry.message)
        .join('\n'),
      '0 digest(s) sent'
    )
    mails.assertSentCount(SubscriptionDigestMail, 1)
  })

  test('npm start runs the digests on a timer, in one process of a cluster only', async ({
    assert,
    cleanup,
  }) => {
    const { mails } = mail.fake()
    const topic = await socialMedia()
    await createSubscription([topic])
    await createNews({ publishedAt: DateTime.now().minus({ minutes: 1 }) }, [topic])

    assert.isTrue(runsDigestSchedule({}))
    assert.isTrue(runsDigestSchedule({ WORKER_SLOT: '1' }))
    assert.isFalse(runsDigestSchedule({ WORKER_SLOT: '2' }))

    const stop = startDigestScheduler(50)
    cleanup(() => stop())
    const until = Date.now() + 3000
    while (Date.now() < until && mails.sent().length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await stop()
    mails.assertSentCount(SubscriptionDigestMail, 1)
  })
})
