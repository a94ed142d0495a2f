import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Subscription from '#models/subscription'
import { TopicFactory } from '#database/factories/topic_factory'
import { confirmUrl, manageUrl, unsubscribeUrl } from '#services/subscriptions/subscription_links'
import { createSubscription, pathOf, socialMedia } from '#tests/helpers/subscriptions'

/** The link with one character of its signature changed. */
function altered(url: string) {
  const path = pathOf(url)
  const last = path.at(-1) === 'A' ? 'B' : 'A'
  return `${path.slice(0, -1)}${last}`
}

/** The signed link of subscription `id` with the id changed to `otherId`. */
function otherId(url: string, id: number, other: number) {
  return pathOf(url).replace(`/subscriptions/${id}`, `/subscriptions/${other}`)
}

test.group('Subscriptions / the signed links', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('confirming: the GET shows a button and changes nothing, the POST confirms, with no session', async ({
    client,
    assert,
  }) => {
    const topic = await socialMedia()
    const subscription = await createSubscription([topic], { confirmed: false })
    const link = pathOf(confirmUrl(subscription))

    const page = await client.get(link)
    page.assertStatus(200)
    page.assertTextIncludes(
      'Bitte bestätigen Sie, dass Sie Neuigkeiten an leserin@example.test erhalten möchten.'
    )
    page.assertTextIncludes(`action="${link.replace(/&/g, '&amp;')}"`)
    assert.notExists(page.header('set-cookie'))
    await subscription.refresh()
    assert.isNull(subscription.confirmedAt)

    const confirmed = await client.post(link)
    confirmed.assertStatus(200)
    confirmed.assertTextIncludes('Danke! Ihr Abonnement ist bestätigt.')
    confirmed.assertTextIncludes('<h1>Aboverwaltung</h1>')
    assert.notExists(confirmed.header('set-cookie'))
    await subscription.refresh()
    assert.isNotNull(subscription.confirmedAt)
  })

  test('an altered or foreign link is refused with 403 and changes nothing', async ({
    client,
    assert,
  }) => {
    const topic = await socialMedia()
    const mine = await createSubscription([topic], { confirmed: false })
    const theirs = await createSubscription([topic], { email: 'andere@example.test' })

    const refused = [
      ['GET', altered(confirmUrl(mine))],
      ['POST', altered(confirmUrl(mine))],
      ['GET', otherId(manageUrl(mine), mine.id, theirs.id)],
      ['POST', otherId(manageUrl(mine), mine.id, theirs.id)],
      ['GET', altered(manageUrl(mine))],
      ['POST', otherId(unsubscribeUrl(mine), mine.id, theirs.id)],
      ['POST', altered(unsubscribeUrl(theirs))],
      // A link of one purpose does not open another.
      ['POST', pathOf(manageUrl(theirs)).replace(`/${theirs.id}?`, `/${theirs.id}/unsubscribe?`)],
      ['GET', urlFor('subscriptions.manage', { id: theirs.id })],
    ] as const
    for (const [method, url] of refused) {
      const response =
        method === 'GET'
          ? await client.get(url)
          : await client
              .post(url)
              .form({ topics: [topic.slug], kinds: ['news'], frequency: 'weekly' })
      response.assertStatus(403)
      response.assertTextIncludes('Dieser Link ist ungültig')
    }
    await mine.refresh()
    await theirs.refresh()
    assert.isNull(mine.confirmedAt)
    assert.equal(theirs.kinds, 'both')
    assert.equal(
      await Subscription.query()
        .count('* as total')
        .then((r) => Number(r[0].$extras.total)),
      2
    )
  })

  test('the manage link shows and changes topics, kinds and frequency, with no session', async ({
    client,
    assert,
  }) => {
    const topic = await socialMedia()
    const egov = await TopicFactory.merge({ slug: 'e-government', name: 'E-Government' }).create()
    const subscription = await createSubscription([topic], { kinds: 'both', frequency: 'weekly' })
    const link = pathOf(manageUrl(subscription))

    const page = await client.get(link)
    page.assertStatus(200)
    assert.notExists(page.header('set-cookie'))
    page.assertTextIncludes('Abonnement für leserin@example.test')
    // One person's page: not cached, not indexed, the link not passed on.
    page.assertHeader('cache-control', 'no-store')
    page.assertHeader('x-robots-tag', 'noindex')
    page.assertHeader('referrer-policy', 'same-origin')
    const html = page.text()
    assert.match(html, /value="social-media"[^>]*\bchecked\b/)
    assert.match(html, /value="e-government"(?![^>]*\bchecked\b)[^>]*>/)
    page.assertTextIncludes(`action="${link.replace(/&/g, '&amp;')}"`)
    page.assertTextIncludes(
      `action="${pathOf(unsubscribeUrl(subscription)).replace(/&/g, '&amp;')}"`
    )
    page.assertTextIncludes('>Abonnement kündigen</button>')

    const saved = await client
      .post(link)
      .form({ topics: ['e-government'], kinds: ['vendors'], frequency: 'immediate' })
    saved.assertStatus(200)
    saved.assertTextIncludes('Ihre Änderungen sind gespeichert.')
    assert.notExists(saved.header('set-cookie'))
    await subscription.refresh()
    await subscription.load('topics')
    assert.equal(subscription.kinds, 'vendors')
    assert.equal(subscription.frequency, 'immediate')
    assert.deepEqual(
      subscription.topics.map((t) => t.id),
      [egov.id]
    )

    const invalid = await client.post(link).form({ topics: [], kinds: [], frequency: 'daily' })
    invalid.assertStatus(422)
    invalid.assertTextIncludes('Bitte wählen Sie mindestens ein Thema.')
    invalid.assertTextIncludes('Bitte wählen Sie Meldungen, neue Anbieter oder beides.')
    invalid.assertTextIncludes('Bitte wählen Sie „wöchentlich“ oder „sofort“.')
    await subscription.refresh()
    assert.equal(subscription.frequency, 'immediate')
  })

  test('the cancel link asks first; the one-click POST deletes the address and all it had', async ({
    client,
    assert,
  }) => {
    const topic = await socialMedia()
    const subscription = await createSubscription([topic])
    await db.table('subscription_deliveries').insert({
      subscription_id: subscription.id,
      item_type: 'news',
      item_id: 1,
      sent_at: new Date(),
    })
    const link = pathOf(unsubscribeUrl(subscription))

    const ask = await client.get(link)
    ask.assertStatus(200)
    ask.assertTextIncludes('Möchten Sie das Abonnement für leserin@example.test kündigen?')
    assert.notExists(ask.header('set-cookie'))
    assert.isNotNull(await Subscription.find(subscription.id))

    // As a mail program sends it (RFC 8058): the signed URL and this body, nothing else.
    const cancelled = await client.post(link).form({ 'List-Unsubscribe': 'One-Click' })
    cancelled.assertStatus(200)
    cancelled.assertTextIncludes(
      'Ihr Abonnement ist gekündigt, und Ihre E-Mail-Adresse ist gelöscht.'
    )
    assert.notExists(cancelled.header('set-cookie'))

    assert.isNull(await Subscription.findBy('email', 'leserin@example.test'))
    for (const table of ['subscription_topics', 'subscription_deliveries']) {
      const rows = await db.from(table).where('subscription_id', subscription.id)
      assert.lengthOf(rows, 0, table)
    }

    // The links of a cancelled subscription find nothing.
    const again = await client.get(pathOf(manageUrl(subscription)))
    again.assertStatus(404)
    again.assertTextIncludes('Kein Abonnement gefunden')
  })

  test('the manage page speaks the language of its link', async ({ client }) => {
    const topic = await socialMedia()
    const subscription = await createSubscription([topic], { locale: 'en' })
    const page = await client.get(pathOf(manageUrl(subscription)))
    page.assertStatus(200)
    page.assertTextIncludes('<h1>Manage subscription</h1>')
    page.assertTextIncludes('>Cancel subscription</button>')
  })
})
