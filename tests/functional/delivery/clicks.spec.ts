import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import encryption from '@adonisjs/core/services/encryption'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { TopicFactory } from '#database/factories/topic_factory'
import { createVendor } from '#tests/helpers/directory'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { CLICK_TOKEN_TTL_MS, clickUrl, type Click } from '#services/delivery/click_token'

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15'
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

const ad: Click = {
  kind: 'ad',
  bookingId: 9001,
  vendorId: null,
  topicId: 5,
  target: 'https://advertiser.example.com/angebot?aktion=1',
}

/** Writes what the process's counter holds (inside the test's transaction) and sums a column. */
async function stored(column: string, where: Record<string, unknown>) {
  const counter = await app.container.make(ImpressionCounter)
  await counter.flush()
  const [row] = await db.from('placement_counts').where(where).sum(`${column} as total`)
  return Number(row.total ?? 0)
}

/** Counts other tests left in the process's buffer go into this test's transaction, and away. */
async function emptyBuffer() {
  const counter = await app.container.make(ImpressionCounter)
  await counter.flush()
}

/** The token of a `/c/<token>` path. */
function tokenOf(path: string) {
  return decodeURIComponent(path.split('/').pop()!)
}

test.group('Clicks / the /c/:token redirect', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(emptyBuffer)

  test('redirects to the target and counts one click, setting no cookie', async ({
    client,
    assert,
  }) => {
    const response = await client.get(clickUrl(ad)).header('user-agent', FIREFOX).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', ad.target)
    assert.notProperty(response.headers(), 'set-cookie')
    assert.equal(await stored('clicks', { booking_id: 9001, topic_id: 5 }), 1)
  })

  test('counts once per token, viewer and day; another browser is another viewer', async ({
    client,
    assert,
  }) => {
    const link = clickUrl(ad)
    const first = await client.get(link).header('user-agent', FIREFOX).redirects(0)
    const again = await client.get(link).header('user-agent', FIREFOX).redirects(0)
    const other = await client.get(link).header('user-agent', SAFARI).redirects(0)
    for (const response of [first, again, other]) {
      response.assertStatus(302)
      response.assertHeader('location', ad.target)
    }
    assert.equal(await stored('clicks', { booking_id: 9001 }), 2)
  })

  test('forged or altered tokens answer 400 and count nothing', async ({ client, assert }) => {
    const token = tokenOf(clickUrl(ad))
    const [payload, signature] = token.split('.')
    const forgedPayload = Buffer.from(
      JSON.stringify({
        message: { k: 'ad', b: 9001, v: null, t: 5, u: 'https://evil.example/', at: Date.now() },
        purpose: 'placement-click',
      })
    ).toString('base64url')
    for (const bad of [
      `${forgedPayload}.${signature}`,
      `${payload}.${signature.slice(1)}x`,
      `${payload}x.${signature}`,
      'nonsense',
    ]) {
      const response = await client
        .get(urlFor('clicks.show', { token: bad }))
        .header('user-agent', FIREFOX)
        .redirects(0)
      response.assertStatus(400)
      response.assertTextIncludes('Dieser Link ist ungültig')
      assert.notProperty(response.headers(), 'location')
      assert.notProperty(response.headers(), 'set-cookie')
    }
    assert.equal(await stored('clicks', { booking_id: 9001 }), 0)
  })

  test('an expired token still redirects, but counts nothing', async ({ client, assert }) => {
    const yesterday = new Date(Date.now() - CLICK_TOKEN_TTL_MS - 60_000)
    const response = await client
      .get(clickUrl(ad, yesterday))
      .header('user-agent', FIREFOX)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', ad.target)
    assert.equal(await stored('clicks', { booking_id: 9001 }), 0)
  })

  test('only http(s) targets are redirected to, even when properly signed', async ({
    client,
    assert,
  }) => {
    for (const target of ['javascript:alert(1)', 'data:text/html,x', '//evil.example/']) {
      const token = encryption
        .getMessageVerifier()
        .sign(
          { k: 'ad', b: 9001, v: null, t: 5, u: target, at: Date.now() },
          undefined,
          'placement-click'
        )
      const response = await client
        .get(urlFor('clicks.show', { token }))
        .header('user-agent', FIREFOX)
        .redirects(0)
      response.assertStatus(400)
      assert.notProperty(response.headers(), 'location')
    }
    assert.equal(await stored('clicks', { booking_id: 9001 }), 0)
  })

  test('bots and HEAD requests are redirected without counting', async ({ client, assert }) => {
    const link = clickUrl(ad)
    const bot = await client.get(link).header('user-agent', GOOGLEBOT).redirects(0)
    bot.assertStatus(302)
    const head = await client.head(link).header('user-agent', FIREFOX).redirects(0)
    head.assertStatus(302)
    assert.equal(await stored('clicks', { booking_id: 9001 }), 0)
    // The reader's own click still counts afterwards.
    await client.get(link).header('user-agent', FIREFOX).redirects(0)
    assert.equal(await stored('clicks', { booking_id: 9001 }), 1)
  })
})

test.group('Clicks / vendor profile: website clicks and profile views', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(emptyBuffer)

  test('the website link goes through /c/ and counts as a website click', async ({
    client,
    assert,
  }) => {
    const topic = await TopicFactory.create()
    const vendor = await createVendor(
      { slug: 'klick-gmbh', name: 'Klick GmbH', website: 'https://www.klick.example/kontakt' },
      [topic]
    )
    const page = await client
      .get(urlFor('vendors.show', { slug: 'klick-gmbh' }))
      .header('user-agent', FIREFOX)
    page.assertStatus(200)
    assert.notProperty(page.headers(), 'set-cookie')
    const href = page
      .text()
      .match(/<a href="(\/c\/[^"]+)" rel="nofollow noopener">www\.klick\.example/)
    assert.isNotNull(href, 'the website link points at /c/')

    const click = await client.get(href![1]).header('user-agent', FIREFOX).redirects(0)
    click.assertStatus(302)
    click.assertHeader('location', 'https://www.klick.example/kontakt')
    await client.get(href![1]).header('user-agent', FIREFOX).redirects(0)

    assert.equal(await stored('website_clicks', { vendor_id: vendor.id }), 1)
    assert.equal(await stored('clicks', { vendor_id: vendor.id }), 0)
  })

  test('profile views count for readers, not for bots or HEAD requests', async ({
    client,
    assert,
  }) => {
    const vendor = await createVendor({ slug: 'sicht-gmbh', name: 'Sicht GmbH' })
    const url = urlFor('vendors.show', { slug: 'sicht-gmbh' })
    const views = [
      client.get(url).header('user-agent', FIREFOX),
      client.get(url).header('user-agent', SAFARI),
      client.get(url).header('user-agent', GOOGLEBOT),
      client.head(url).header('user-agent', FIREFOX),
      client.get(url).header('user-agent', FIREFOX).header('sec-purpose', 'prefetch'),
    ]
    for (const view of views) {
      const response = await view
      response.assertStatus(200)
    }
    assert.equal(await stored('profile_views', { vendor_id: vendor.id }), 2)
  })
})
