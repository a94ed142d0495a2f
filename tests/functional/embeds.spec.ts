import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type Slot from '#models/slot'
import type Topic from '#models/topic'
import type User from '#models/user'
import type Vendor from '#models/vendor'
import { TopicFactory } from '#database/factories/topic_factory'
import { SlotFactory } from '#database/factories/slot_factory'
import { BookingFactory, bookWeeks } from '#database/factories/booking_factory'
import { BillingDetailFactory } from '#database/factories/billing_detail_factory'
import { weekOf } from '#services/booking/iso_week'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { MemoryCursorStore, RotationCursorStore } from '#services/placement/rotation'
import { embedsConfig } from '#config/embeds'
import { parseFrameAncestors } from '#services/embeds/frame_ancestors'
import { createVendor } from '#tests/helpers/directory'
import { createUser } from '#tests/helpers/users'

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

/** Social Media with six published vendors, its sidebar slot and its vendor_box slot. */
async function socialMedia() {
  const topic = await TopicFactory.merge({ slug: 'social-media', name: 'Social Media' }).create()
  const vendors: Vendor[] = []
  for (let i = 1; i <= 6; i++) {
    vendors.push(
      await createVendor(
        { slug: `anbieter-${i}`, name: `Anbieter ${i} GmbH`, postalCode: '06108', city: 'Halle' },
        [topic]
      )
    )
  }
  const sidebar = await SlotFactory.merge({ topicId: topic.id }).create()
  const box = await SlotFactory.apply('vendorBox').merge({ topicId: topic.id }).create()
  return { topic, vendors, sidebar, box }
}

async function advertiser() {
  const user = await createUser()
  await BillingDetailFactory.merge({ userId: user.id }).create()
  return user
}

/** An approved text ad of `user` on the slot for this week. */
async function textAd(user: User, slot: Slot, headline = 'Bürgerdialog online') {
  const booking = await BookingFactory.merge({
    slotId: slot.id,
    userId: user.id,
    headline,
    body: 'Wir moderieren Ihre Kanäle.',
    targetUrl: 'https://werbung.example.com/angebot',
  })
    .apply('approved')
    .create()
  return bookWeeks(booking, [weekOf(DateTime.now())])
}

/** An approved paid place of the vendor in the box slot for this week. */
async function paidPlace(user: User, slot: Slot, vendor: Vendor) {
  const booking = await BookingFactory.merge({
    slotId: slot.id,
    userId: user.id,
    creativeKind: 'vendor',
    headline: null,
    body: null,
    targetUrl: null,
    vendorId: vendor.id,
  })
    .apply('approved')
    .create()
  return bookWeeks(booking, [weekOf(DateTime.now())])
}

/** A fresh rotation state per test: ids repeat across rolled-back tests. */
function freshRotation() {
  const store = new MemoryCursorStore()
  app.container.swap(RotationCursorStore as any, () => store)
  return () => app.container.restore(RotationCursorStore as any)
}

/** Writes what the process's counter holds, inside the test's transaction. */
async function flushCounter() {
  const counter = await app.container.make(ImpressionCounter)
  await counter.flush()
}

/**
 * Counts other tests left in the process's buffer are written into this
 * test's transaction and deleted there (ids repeat across rolled-back
 * tests), so the test sees only its own.
 */
async function emptyBuffer() {
  await flushCounter()
  await db.from('placement_counts').delete()
}

type Counts = { raw: number; filtered: number }

/** Writes the counter's buffer (inside the test's transaction), then sums the topic's places. */
async function counted(topic: Topic, part: 'ad' | 'vendors', bookingId?: number): Promise<Counts> {
  await flushCounter()
  // 0 stands for "none" in the counters' id columns.
  const query = db.from('placement_counts').where('topic_id', topic.id)
  if (part === 'ad') query.where('vendor_id', 0).whereNot('booking_id', 0)
  else query.whereNot('vendor_id', 0)
  if (bookingId !== undefined) query.where('booking_id', bookingId)
  const [row] = await query.sum('raw_impressions as raw').sum('impressions as filtered')
  return { raw: Number(row.raw ?? 0), filtered: Number(row.filtered ?? 0) }
}

function vendorBoxUrl(topic: Topic | string, qs: Record<string, string> = {}) {
  const slug = typeof topic === 'string' ? topic : topic.slug
  return urlFor('embeds.vendor_box', { slug }, { qs })
}

function slotUrl(id: number | string, qs: Record<string, string> = {}) {
  return urlFor('embeds.slot', { id }, { qs })
}

/** The items of an embedded box: name, link, whether marked "Anzeige". */
function boxItems(html: string) {
  return [...html.matchAll(/<li class="vendor-box__item[^"]*">([\s\S]*?)<\/li>/g)].map((m) => ({
    name: /class="vendor-box__name"[^>]*>([^<]+)</.exec(m[1])![1],
    href: /href="([^"]+)"/.exec(m[1])![1],
    target: /target="([^"]+)"/.exec(m[1])?.[1],
    rel: /rel="([^"]+)"/.exec(m[1])?.[1],
    marked: m[1].includes('class="vendor-box__label">Anzeige<'),
  }))
}

function frameAncestors(response: ApiResponse) {
  const csp = String(response.header('content-security-policy') ?? '')
  return /frame-ancestors ([^;]+)/.exec(csp)?.[1]
}

/** The embed document is plain: no script, no inline style, its own stylesheet. */
function assertStandalone(assert: any, html: string) {
  assert.notMatch(html, /<script/i)
  assert.notMatch(html, /\sstyle=|<style/i)
  assert.include(html, '<link rel="stylesheet" href="/css/embed.css">')
  assert.notInclude(html, 'site-header')
}

test.group('Embeds / the vendor-box document', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(freshRotation)
  group.each.setup(emptyBuffer)

  test('shows the topic box with the paid place marked; links leave the frame; no cookie', async ({
    client,
    assert,
  }) => {
    const { topic, vendors, box } = await socialMedia()
    const paid = await paidPlace(await advertiser(), box, vendors[4])

    const response = await client.get(vendorBoxUrl(topic)).header('user-agent', FIREFOX)
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'text/html')
    assert.notExists(response.header('set-cookie'))
    assert.equal(response.header('cache-control'), 'no-store')
    const html = response.text()
    assertStandalone(assert, html)
    assert.include(html, '<html lang="de">')
    assert.include(html, 'Ausgewählte Anbieter aus dem Bereich Social Media')
    // The box only: no ad place, not even the house ad.
    assert.notInclude(html, 'ad-slot')

    const items = boxItems(html)
    assert.lengthOf(items, 4)
    assert.deepInclude(items[0], { name: 'Anbieter 5 GmbH', marked: true, target: '_blank' })
    assert.equal(items[0].rel, 'sponsored noopener')
    assert.match(items[0].href, /\/c\/[\w.%-]+$/)
    for (const item of items.slice(1)) {
      assert.isFalse(item.marked)
      assert.equal(item.target, '_blank')
      assert.equal(item.rel, 'noopener')
      assert.match(item.href, /^http:\/\/[^/]+\/vendors\/anbieter-\d\?from=social-media$/)
    }
    assert.lengthOf(new Set(items.map((item) => item.name)), 4)

    // A signed-in reader's session cookie is neither read nor written back.
    const withCookie = await client
      .get(vendorBoxUrl(topic))
      .header('cookie', 'adonis-session=s%3Aanything')
    withCookie.assertStatus(200)
    assert.notExists(withCookie.header('set-cookie'))

    // The paid place's link is the counted click redirect to the profile.
    const click = await client
      .get(new URL(items[0].href.replaceAll('&amp;', '&')).pathname)
      .header('user-agent', FIREFOX)
      .redirects(0)
    click.assertStatus(302)
    assert.match(String(click.header('location')), /\/vendors\/anbieter-5\?from=social-media$/)
    await flushCounter()
    const [clicks] = await db
      .from('placement_counts')
      .where('booking_id', paid.id)
      .sum('clicks as total')
    assert.equal(Number(clicks.total), 1)
  })

  test('English with ?lang=en or Accept-Language', async ({ client, assert }) => {
    const { topic, vendors, box } = await socialMedia()
    await paidPlace(await advertiser(), box, vendors[0])

    const byParam = await client.get(vendorBoxUrl(topic, { lang: 'en' }))
    const byHeader = await client.get(vendorBoxUrl(topic)).header('accept-language', 'en-GB,en')
    for (const response of [byParam, byHeader]) {
      response.assertStatus(200)
      assert.include(response.text(), '<html lang="en">')
      assert.include(response.text(), 'Selected vendors in Social Media')
      assert.include(response.text(), 'class="vendor-box__label">Advertisement<')
    }
  })

  test('counts the places it shows and never the ad, whose rotation it leaves alone', async ({
    client,
    assert,
  }) => {
    const { topic, vendors, sidebar, box } = await socialMedia()
    const first = await textAd(await advertiser(), sidebar, 'Erste Anzeige')
    const second = await textAd(await advertiser(), sidebar, 'Zweite Anzeige')
    await paidPlace(await advertiser(), box, vendors[2])

    for (let view = 0; view < 5; view++) {
      const response = await client.get(vendorBoxUrl(topic)).header('user-agent', FIREFOX)
      response.assertStatus(200)
    }
    // 5 views × 4 places, each once raw and once filtered; no ad impression at all.
    assert.deepEqual(await counted(topic, 'vendors'), { raw: 20, filtered: 20 })
    assert.deepEqual(await counted(topic, 'ad'), { raw: 0, filtered: 0 })

    // The ad's rotation did not move: the topic page's first view has the first booking.
    const page = await client.get(urlFor('topics.show', { slug: topic.slug }))
    assert.include(page.text(), 'Erste Anzeige')
    const api = await client.get(
      urlFor('api.v1.placements.show', {}, { qs: { topic: topic.slug } })
    )
    assert.equal(api.body().data.ad.bookingId, second.id)
    assert.deepEqual(await counted(topic, 'ad', first.id), { raw: 1, filtered: 1 })
  })

  test('bots, prefetches and HEAD count raw only', async ({ client, assert }) => {
    const { topic } = await socialMedia()
    await client.get(vendorBoxUrl(topic)).header('user-agent', GOOGLEBOT)
    await client
      .get(vendorBoxUrl(topic))
      .header('user-agent', FIREFOX)
      .header('sec-purpose', 'prefetch')
    const head = await client.head(vendorBoxUrl(topic)).header('user-agent', FIREFOX)
    head.assertStatus(200)
    assert.deepEqual(await counted(topic, 'vendors'), { raw: 12, filtered: 0 })
  })

  test('an unknown topic is a 404 of the embed, which fits the frame', async ({
    client,
    assert,
  }) => {
    const response = await client.get(vendorBoxUrl('gibt-es-nicht'))
    response.assertStatus(404)
    assert.notExists(response.header('set-cookie'))
    assertStandalone(assert, response.text())
    assert.include(response.text(), 'Nicht verfügbar')
    assert.equal(frameAncestors(response), "'self'")
  })
})

test.group('Embeds / the slot document', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(freshRotation)
  group.each.setup(emptyBuffer)

  test("a topic's sidebar slot shows its ad, counts the ad and no vendor place", async ({
    client,
    assert,
  }) => {
    const { topic, vendors, sidebar, box } = await socialMedia()
    const ad = await textAd(await advertiser(), sidebar)
    await paidPlace(await advertiser(), box, vendors[1])

    const response = await client.get(slotUrl(sidebar.id)).header('user-agent', FIREFOX)
    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const html = response.text()
    assertStandalone(assert, html)
    assert.include(html, '>Anzeige</h1>')
    assert.include(html, 'Bürgerdialog online')
    assert.include(html, 'Wir moderieren Ihre Kanäle.')
    assert.notInclude(html, 'vendor-box')
    const link =
      /<a class="ad-slot__link" href="([^"]+)" target="_blank" rel="sponsored noopener">/.exec(html)
    assert.exists(link, 'the ad links out of the frame, marked sponsored')

    await client.get(slotUrl(sidebar.id)).header('user-agent', FIREFOX)
    assert.deepEqual(await counted(topic, 'ad', ad.id), { raw: 2, filtered: 2 })
    assert.deepEqual(await counted(topic, 'vendors'), { raw: 0, filtered: 0 })

    // The click goes through the counted redirect to the advertiser.
    const click = await client
      .get(new URL(link![1].replaceAll('&amp;', '&')).pathname)
      .header('user-agent', FIREFOX)
      .redirects(0)
    click.assertStatus(302)
    click.assertHeader('location', 'https://werbung.example.com/angebot')
    await flushCounter()
    const [clicks] = await db.from('placement_counts').where('booking_id', ad.id).sum('clicks as n')
    assert.equal(Number(clicks.n), 1)

    // The vendor box rotation did not move: the topic page starts the box at the first vendor.
    const api = await client.get(
      urlFor('api.v1.placements.show', {}, { qs: { topic: topic.slug } })
    )
    assert.deepEqual(
      api.body().data.vendors.map((vendor: { slug: string }) => vendor.slug),
      ['anbieter-2', 'anbieter-1', 'anbieter-3', 'anbieter-4']
    )
  })

  test('nothing live: the house ad inviting advertisers, counting nothing', async ({
    client,
    assert,
  }) => {
    const { topic, sidebar } = await socialMedia()
    const response = await client.get(slotUrl(sidebar.id, { lang: 'en' }))
    response.assertStatus(200)
    assert.include(response.text(), 'Your ad could be here')
    assert.include(
      response.text(),
      `href="http://${process.env.HOST}:${process.env.PORT}/advertise?topic=social-media&amp;lang=en" target="_blank" rel="noopener"`
    )
    assert.deepEqual(await counted(topic, 'ad'), { raw: 0, filtered: 0 })
    assert.deepEqual(await counted(topic, 'vendors'), { raw: 0, filtered: 0 })
  })

  test('a run-of-site slot needs ?topic= and then shows that topic page’s ad', async ({
    client,
    assert,
  }) => {
    const { topic } = await socialMedia()
    const everywhere = await SlotFactory.apply('runOfSite').create()
    const ad = await textAd(await advertiser(), everywhere, 'Überall zu sehen')

    const shown = await client.get(slotUrl(everywhere.id, { topic: topic.slug }))
    shown.assertStatus(200)
    assert.include(shown.text(), 'Überall zu sehen')
    assert.deepEqual(await counted(topic, 'ad', ad.id), { raw: 1, filtered: 1 })

    for (const url of [
      slotUrl(everywhere.id),
      slotUrl(everywhere.id, { topic: 'gibt-es-nicht' }),
    ]) {
      const response = await client.get(url)
      response.assertStatus(404)
      assert.include(response.text(), 'Nicht verfügbar')
      assert.notExists(response.header('set-cookie'))
    }
  })

  test('404 for unknown, inactive and vendor_box slots, and for bad ids', async ({
    client,
    assert,
  }) => {
    const { box } = await socialMedia()
    const inactive = await SlotFactory.apply('inactive').create()
    for (const id of [box.id, inactive.id, 999_999, 99_999_999_999]) {
      const response = await client.get(slotUrl(id))
      response.assertStatus(404)
      assert.include(response.text(), 'Nicht verfügbar', `slot ${id}`)
      assert.notExists(response.header('set-cookie'))
    }
    for (const path of ['/embed/slots/abc', '/embed/slots/-1', '/embed/slots/1.5']) {
      const response = await client.get(path)
      response.assertStatus(404)
      assert.notExists(response.header('set-cookie'))
    }
  })
})

test.group('Embeds / framing', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(freshRotation)
  group.each.setup(emptyBuffer)
  group.each.setup(() => {
    const configured = embedsConfig.frameAncestors
    return () => {
      embedsConfig.frameAncestors = configured
    }
  })

  test("without EMBED_FRAME_ANCESTORS only the portal's own pages may frame the embeds", async ({
    client,
    assert,
  }) => {
    const { topic, sidebar } = await socialMedia()
    const unset = parseFrameAncestors(undefined)
    if ('error' in unset) throw new Error(unset.error)
    embedsConfig.frameAncestors = unset.sources
    for (const url of [vendorBoxUrl(topic), slotUrl(sidebar.id)]) {
      const response = await client.get(url)
      response.assertStatus(200)
      assert.equal(frameAncestors(response), "'self'")
      assert.notExists(response.header('x-frame-options'))
      // The rest of the site-wide policy still holds.
      assert.include(response.header('content-security-policy'), "script-src 'self'")
      assert.include(response.header('content-security-policy'), "style-src 'self'")
    }
  })

  test('the configured parent origins may frame the embeds; other pages no one', async ({
    client,
    assert,
  }) => {
    const { topic, sidebar } = await socialMedia()
    embedsConfig.frameAncestors = ['https://a.example', 'https://b.example']
    for (const url of [vendorBoxUrl(topic), slotUrl(sidebar.id)]) {
      const response = await client.get(url)
      assert.equal(frameAncestors(response), 'https://a.example https://b.example')
      assert.notExists(response.header('x-frame-options'))
    }
    for (const url of [
      urlFor('topics.show', { slug: topic.slug }),
      urlFor('home'),
      urlFor('api.v1.placements.show', {}, { qs: { topic: topic.slug } }),
      urlFor('embeds.script'),
    ]) {
      const response = await client.get(url)
      assert.equal(frameAncestors(response), "'none'", url)
      assert.equal(response.header('x-frame-options'), 'DENY', url)
    }
  })
})

test.group('Embeds / embed.js and the cross-origin placement API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(freshRotation)
  group.each.setup(emptyBuffer)

  test('embed.js is JavaScript, cached for an hour, with no cookie', async ({ client, assert }) => {
    const response = await client.get(urlFor('embeds.script'))
    response.assertStatus(200)
    assert.equal(response.header('content-type'), 'text/javascript; charset=utf-8')
    assert.equal(response.header('cache-control'), 'public, max-age=3600')
    assert.notExists(response.header('set-cookie'))
    const source = response.text()
    // Its paths are our routes, and it builds no HTML from data.
    assert.include(source, `const PLACEMENTS_PATH = '${urlFor('api.v1.placements.show')}'`)
    assert.include(source, `const ADVERTISE_PATH = '${urlFor('advertise')}'`)
    assert.include(
      source,
      `const PROFILE_PATH = '${urlFor('vendors.show', { slug: 'x' }).slice(0, -1)}'`
    )
    assert.include(source, "credentials: 'omit'")
    assert.notMatch(source, /innerHTML|insertAdjacentHTML|document\.write|document\.cookie/)
  })

  test('the placement API may be read from any origin, without credentials', async ({
    client,
    assert,
  }) => {
    const { topic, vendors, box } = await socialMedia()
    await paidPlace(await advertiser(), box, vendors[3])
    const response = await client
      .get(urlFor('api.v1.placements.show', {}, { qs: { topic: topic.slug } }))
      .header('origin', 'https://news.example')
    response.assertStatus(200)
    assert.equal(response.header('access-control-allow-origin'), '*')
    assert.notExists(response.header('access-control-allow-credentials'))
    assert.notExists(response.header('set-cookie'))
    // Every place carries its absolute link: paid ones through the counted redirect.
    const [paid, ...unpaid] = response.body().data.vendors
    assert.isTrue(paid.paid)
    assert.match(paid.url, /^http:\/\/[^/]+\/c\/[\w.%-]+$/)
    for (const vendor of unpaid) {
      assert.equal(
        vendor.url,
        `http://${process.env.HOST}:${process.env.PORT}/vendors/${vendor.slug}?from=social-media`
      )
    }

    const refused = await client
      .get(urlFor('api.v1.placements.show', {}, { qs: { topic: 'gibt-es-nicht' } }))
      .header('origin', 'https://news.example')
    refused.assertStatus(422)
    assert.equal(refused.header('access-control-allow-origin'), '*')
  })
})
