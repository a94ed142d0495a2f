import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import mail from '@adonisjs/mail/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import edge from 'edge.js'
import Booking from '#models/booking'
import DirectoryService from '#services/directory_service'
import type Slot from '#models/slot'
import type Topic from '#models/topic'
import type User from '#models/user'
import type Vendor from '#models/vendor'
import { TopicFactory } from '#database/factories/topic_factory'
import { SlotFactory } from '#database/factories/slot_factory'
import { BookingFactory, bookWeeks } from '#database/factories/booking_factory'
import { BillingDetailFactory } from '#database/factories/billing_detail_factory'
import { addWeeks, weekOf, type IsoWeek } from '#services/booking/iso_week'
import BookingService from '#services/booking/booking_service'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { MemoryCursorStore, RotationCursorStore } from '#services/placement/rotation'
import PlacementService from '#services/placement/placement_service'
import { readClickToken } from '#services/delivery/click_token'
import { absoluteUrl } from '#services/mail/app_url'
import { createVendor, withDirectoryCache } from '#tests/helpers/directory'
import { createUser } from '#tests/helpers/users'
import { assertSignedInReadersGetTheirOwnPage } from '#tests/helpers/shared_pages'

const thisWeek = () => weekOf(DateTime.now())

/** Social Media with six published vendors, its sidebar slot and its vendor_box slot. */
async function socialMedia() {
  const topic = await TopicFactory.merge({ slug: 'social-media', name: 'Social Media' }).create()
  const vendors: Vendor[] = []
  for (let i = 1; i <= 6; i++) {
    vendors.push(
      await createVendor(
        {
          slug: `anbieter-${i}`,
          name: `Anbieter ${i} GmbH`,
          postalCode: '06108',
          city: 'Halle (Saale)',
        },
        [topic]
      )
    )
  }
  const sidebar = await SlotFactory.merge({ topicId: topic.id }).create()
  const box = await SlotFactory.apply('vendorBox').merge({ topicId: topic.id }).create()
  return { topic, vendors, sidebar, box }
}

/** A member with billing details, as every advertiser has. */
async function advertiser() {
  const user = await createUser()
  await BillingDetailFactory.merge({ userId: user.id }).create()
  return user
}

type State = 'approved' | 'rejected' | 'cancelled' | 'expired'

/** A text ad of `user` on the slot for these weeks (a request unless a state is given). */
async function textAd(
  user: User,
  slot: Slot,
  weeks: IsoWeek[],
  state?: State,
  creative: Partial<Booking> = {}
) {
  const factory = BookingFactory.merge({
    slotId: slot.id,
    userId: user.id,
    headline: 'Bürgerdialog online',
    body: 'Wir moderieren Ihre Kanäle.',
    targetUrl: 'https://werbung.example.com/angebot',
    ...creative,
  })
  if (state) factory.apply(state)
  return bookWeeks(await factory.create(), weeks)
}

/** A paid place of the vendor in the box slot for these weeks. */
async function paidPlace(user: User, slot: Slot, vendor: Vendor, weeks: IsoWeek[], state?: State) {
  const factory = BookingFactory.merge({
    slotId: slot.id,
    userId: user.id,
    creativeKind: 'vendor',
    headline: null,
    body: null,
    targetUrl: null,
    vendorId: vendor.id,
  })
  if (state) factory.apply(state)
  return bookWeeks(await factory.create(), weeks)
}

/** A fresh rotation state per test: ids repeat across rolled-back tests. */
function freshRotation() {
  const store = new MemoryCursorStore()
  app.container.swap(RotationCursorStore as any, () => store)
  return () => app.container.restore(RotationCursorStore as any)
}

/** Social Media with its text ad and a paid place for `vendors[paid]`, both live this week. */
async function socialMediaWithLiveBookings(paid = 0) {
  const world = await socialMedia()
  await textAd(await advertiser(), world.sidebar, [thisWeek()], 'approved')
  await paidPlace(await advertiser(), world.box, world.vendors[paid], [thisWeek()], 'approved')
  return world
}

function placementUrl(topic: Topic | string) {
  return urlFor(
    'api.v1.placements.show',
    {},
    {
      qs: { topic: typeof topic === 'string' ? topic : topic.slug },
    }
  )
}

/** The box of a topic page: each item's name and whether it is marked "Anzeige". */
function boxItems(html: string) {
  const box = html.split('class="vendor-box"')[1]?.split('</aside>')[0] ?? ''
  return [...box.matchAll(/<li class="vendor-box__item[^"]*">([\s\S]*?)<\/li>/g)].map((m) => ({
    name: /class="vendor-box__name"[^>]*>([^<]+)</.exec(m[1])![1],
    marked: m[1].includes('class="vendor-box__label">Anzeige<'),
    sponsored: m[1].includes('rel="sponsored noopener"'),
  }))
}

function adSlot(html: string) {
  return html.split('class="ad-slot"')[1]?.split('</aside>')[0] ?? ''
}

test.group('Placements: booked ads and paid places', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(freshRotation)

  test('the API shows a live text ad and a paid vendor; readers get no cookie', async ({
    client,
    assert,
  }) => {
    const { topic, vendors, sidebar, box } = await socialMedia()
    const ad = await textAd(
      await advertiser(),
      sidebar,
      [thisWeek(), addWeeks(thisWeek(), 1)],
      'approved'
    )
    await paidPlace(await advertiser(), box, vendors[4], [thisWeek()], 'approved')

    const response = await client.get(placementUrl(topic))
    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const { data } = response.body()
    const { clickUrl, ...shown } = data.ad
    assert.deepEqual(shown, {
      bookingId: ad.id,
      kind: 'text',
      headline: 'Bürgerdialog online',
      body: 'Wir moderieren Ihre Kanäle.',
      imageUrl: null,
      alt: null,
      label: 'Anzeige',
    })
    // The link goes through the counted click redirect to the advertiser's page.
    const click = await client.get(new URL(clickUrl).pathname).redirects(0)
    click.assertStatus(302)
    click.assertHeader('location', 'https://werbung.example.com/angebot')
    assert.lengthOf(data.vendors, 4)
    const { url: paidUrl, ...paidShown } = data.vendors[0]
    assert.deepEqual(paidShown, {
      slug: 'anbieter-5',
      name: 'Anbieter 5 GmbH',
      postalCode: '06108',
      city: 'Halle (Saale)',
      paid: true,
    })
    // The paid place links, for other sites too, through the counted redirect to the profile.
    const boxClick = await client.get(new URL(paidUrl).pathname).redirects(0)
    boxClick.assertStatus(302)
    assert.equal(
      boxClick.header('location'),
      absoluteUrl(urlFor('vendors.show', { slug: 'anbieter-5' }, { qs: { from: 'social-media' } }))
    )
    const slugs = data.vendors.map((vendor: { slug: string }) => vendor.slug)
    assert.lengthOf(new Set(slugs), 4)
    assert.isTrue(data.vendors.slice(1).every((vendor: { paid: boolean }) => !vendor.paid))

    // The topic API answers through the same decision.
    const topicApi = await client.get(urlFor('api.v1.topics.show', { slug: topic.slug }))
    topicApi.assertStatus(200)
    assert.equal(topicApi.body().data.slug, 'social-media')
    assert.equal(topicApi.body().data.ad.bookingId, ad.id)
    // A paid place's link is signed per view, so it differs; the rest is the same place.
    const withoutUrl = topicApi
      .body()
      .data.vendors.map(({ url: _url, ...place }: Record<string, unknown>) => place)
    assert.deepInclude(withoutUrl, paidShown)
    assert.notExists(topicApi.header('set-cookie'))
  })

  test('the topic page shows the text ad and the paid vendor marked "Anzeige"', async ({
    client,
    assert,
  }) => {
    const { topic } = await socialMediaWithLiveBookings(2)

    const response = await client.get(urlFor('topics.show', { slug: topic.slug }))
    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const slot = adSlot(response.text())
    assert.include(slot, 'Anzeige')
    const link =
      /<a class="ad-slot__link" href="([^"]+)" rel="sponsored noopener">Bürgerdialog online<\/a>/.exec(
        slot
      )
    assert.exists(link, slot)
    const click = await client.get(new URL(link![1].replaceAll('&amp;', '&')).pathname).redirects(0)
    click.assertStatus(302)
    click.assertHeader('location', 'https://werbung.example.com/angebot')
    assert.include(slot, 'Wir moderieren Ihre Kanäle.')
    assert.notInclude(slot, 'Ihre Anzeige an dieser Stelle')

    const items = boxItems(response.text())
    assert.lengthOf(items, 4)
    assert.deepEqual(items[0], { name: 'Anbieter 3 GmbH', marked: true, sponsored: true })
    assert.isTrue(items.slice(1).every((item) => !item.marked && !item.sponsored))
    // The paid place links through the counted click redirect to the profile.
    const clickLinks = [...response.text().matchAll(/href="([^"]*\/c\/[^"]+)"/g)]
    const targets = await Promise.all(
      clickLinks.map(async ([, href]) => {
        const redirect = await client
          .get(new URL(href.replaceAll('&amp;', '&')).pathname)
          .redirects(0)
        return redirect.header('location')
      })
    )
    assert.include(targets, absoluteUrl('/vendors/anbieter-3?from=social-media'))
  })

  test('an image ad shows its image with its alt text, linked as sponsored', async ({
    client,
    assert,
  }) => {
    const { topic, sidebar } = await socialMedia()
    await textAd(await advertiser(), sidebar, [thisWeek()], 'approved', {
      creativeKind: 'image',
      headline: null,
      body: null,
      imagePath: 'creatives/0123456789abcdef.png',
      imageAlt: 'Logo der Werbeagentur',
    })

    const api = await client.get(placementUrl(topic))
    assert.equal(api.body().data.ad.kind, 'image')
    assert.equal(api.body().data.ad.alt, 'Logo der Werbeagentur')
    assert.match(
      api.body().data.ad.imageUrl,
      /^http:\/\/.+\/uploads\/creatives\/0123456789abcdef\.png$/
    )

    const page = await client.get(urlFor('topics.show', { slug: topic.slug }))
    const slot = adSlot(page.text())
    assert.include(slot, 'rel="sponsored noopener"')
    assert.include(slot, 'alt="Logo der Werbeagentur"')
    assert.include(slot, '/uploads/creatives/0123456789abcdef.png')
  })

  test('requested, expired, rejected, cancelled and future bookings are not shown', async ({
    client,
    assert,
  }) => {
    const { topic, vendors, sidebar, box } = await socialMedia()
    const user = await advertiser()
    await textAd(user, sidebar, [thisWeek()])
    await textAd(user, sidebar, [thisWeek()], 'expired')
    await textAd(user, sidebar, [thisWeek()], 'rejected')
    await textAd(user, sidebar, [thisWeek()], 'cancelled')
    await textAd(user, sidebar, [addWeeks(thisWeek(), 1)], 'approved')
    await textAd(user, sidebar, [addWeeks(thisWeek(), -1)], 'approved')
    await paidPlace(user, box, vendors[0], [thisWeek()])
    await paidPlace(user, box, vendors[1], [addWeeks(thisWeek(), 1)], 'approved')
    await paidPlace(user, box, vendors[2], [thisWeek()], 'cancelled')

    for (let view = 0; view < 3; view++) {
      const response = await client.get(placementUrl(topic))
      response.assertStatus(200)
      assert.isNull(response.body().data.ad)
      assert.lengthOf(response.body().data.vendors, 4)
      assert.isTrue(response.body().data.vendors.every((vendor: { paid: boolean }) => !vendor.paid))
    }

    const page = await client.get(urlFor('topics.show', { slug: topic.slug }))
    assert.include(adSlot(page.text()), 'Ihre Anzeige an dieser Stelle')
    assert.notInclude(page.text(), 'Bürgerdialog online')
    assert.isTrue(boxItems(page.text()).every((item) => !item.marked))
  })

  test('an inactive slot, an unpublished vendor or one no longer in the topic shows nothing paid', async ({
    client,
    assert,
  }) => {
    const { topic, vendors, sidebar, box } = await socialMedia()
    const user = await advertiser()
    await textAd(user, sidebar, [thisWeek()], 'approved')
    sidebar.active = false
    await sidebar.save()
    await paidPlace(user, box, vendors[0], [thisWeek()], 'approved')
    vendors[0].status = 'draft'
    await vendors[0].save()
    const otherBox = await SlotFactory.apply('vendorBox').merge({ topicId: null }).create()
    const elsewhere = await createVendor({ slug: 'woanders', name: 'Woanders GmbH' })
    await paidPlace(await advertiser(), otherBox, elsewhere, [thisWeek()], 'approved')

    const response = await client.get(placementUrl(topic))
    assert.isNull(response.body().data.ad)
    const slugs = response.body().data.vendors.map((vendor: { slug: string }) => vendor.slug)
    assert.notInclude(slugs, 'anbieter-1')
    assert.notInclude(slugs, 'woanders')
    assert.isTrue(response.body().data.vendors.every((vendor: { paid: boolean }) => !vendor.paid))
  })

  test("run-of-site bookings compete with the topic's own for the ad place", async ({
    client,
    assert,
  }) => {
    const { topic, sidebar } = await socialMedia()
    const own = await textAd(await advertiser(), sidebar, [thisWeek()], 'approved')
    const runOfSite = await SlotFactory.apply('runOfSite').create()
    const everywhere = await textAd(await advertiser(), runOfSite, [thisWeek()], 'approved', {
      headline: 'Überall zu sehen',
    })

    const shown: number[] = []
    for (let view = 0; view < 4; view++) {
      const response = await client.get(placementUrl(topic))
      shown.push(response.body().data.ad.bookingId)
    }
    assert.includeMembers(shown, [own.id, everywhere.id])
    assert.equal(shown.filter((id) => id === own.id).length, 2)
  })

  test('an advertiser with the ad does not also get a paid place on that view', async ({
    client,
    assert,
  }) => {
    const { topic, vendors, sidebar, box } = await socialMedia()
    const user = await advertiser()
    const ad = await textAd(user, sidebar, [thisWeek()], 'approved')
    await paidPlace(user, box, vendors[3], [thisWeek()], 'approved')

    const response = await client.get(placementUrl(topic))
    assert.equal(response.body().data.ad.bookingId, ad.id)
    assert.isTrue(response.body().data.vendors.every((vendor: { paid: boolean }) => !vendor.paid))
    assert.notInclude(
      response.body().data.vendors.map((vendor: { slug: string }) => vendor.slug),
      'anbieter-4'
    )
  })

  test('a booking whose impression cap is reached is not shown', async ({ client, assert }) => {
    const { topic, sidebar } = await socialMedia()
    const capped = await textAd(await advertiser(), sidebar, [thisWeek()], 'approved', {
      impressionCap: 1000,
    })
    const open = await textAd(await advertiser(), sidebar, [thisWeek()], 'approved')
    // 1,000 filtered impressions of the capped booking, as readers' views leave them.
    const counter = await app.container.make(ImpressionCounter)
    const entry = { bookingId: capped.id, vendorId: null, topicId: topic.id, paid: true }
    counter.record(
      Array.from({ length: 1000 }, () => entry),
      { method: 'GET', headers: {} }
    )
    for (let view = 0; view < 3; view++) {
      const response = await client.get(placementUrl(topic))
      assert.equal(response.body().data.ad.bookingId, open.id)
    }
    // Written inside the test's transaction, so nothing is left for other tests.
    await counter.flush()
  })

  test('views by bots do not take from a cap; the reader views that reach it end the booking', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { topic, sidebar } = await socialMedia()
    const capped = await textAd(await advertiser(), sidebar, [thisWeek()], 'approved', {
      impressionCap: 2,
    })
    // A counter of this test's own: the process's one remembers the totals of earlier tests.
    const counter = new ImpressionCounter()
    app.container.swap(ImpressionCounter, () => counter)
    cleanup(() => app.container.restore(ImpressionCounter))
    const shownAd = async (userAgent: string) => {
      const response = await client.get(placementUrl(topic)).header('user-agent', userAgent)
      response.assertStatus(200)
      return response.body().data.ad?.bookingId ?? null
    }
    const bot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'
    const reader = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36'
    for (let view = 0; view < 5; view++) assert.equal(await shownAd(bot), capped.id)
    assert.equal(await shownAd(reader), capped.id)
    assert.equal(await shownAd(reader), capped.id)
    // The cap is reached: the house ad (null) from now on, for readers and bots alike.
    assert.isNull(await shownAd(reader))
    assert.isNull(await shownAd(bot))
    // Written inside the test's transaction, so nothing is left for other tests.
    await counter.flush()
    const stored = await db
      .from('placement_counts')
      .where('booking_id', capped.id)
      .sum('raw_impressions as raw')
      .sum('impressions as filtered')
      .first()
    assert.deepEqual([Number(stored.raw), Number(stored.filtered)], [7, 2])
  })

  test('422 for a missing or unknown topic', async ({ client }) => {
    const unknown = await client.get(placementUrl('gibt-es-nicht'))
    unknown.assertStatus(422)
    unknown.assertBody({ errors: [{ field: 'topic', message: 'Dieses Thema gibt es nicht.' }] })

    const missing = await client.get(urlFor('api.v1.placements.show'))
    missing.assertStatus(422)
    missing.assertBody({
      errors: [{ field: 'topic', message: 'Bitte füllen Sie das Feld „Thema“ aus.' }],
    })

    const english = await client.get(placementUrl('gibt-es-nicht')).header('accept-language', 'en')
    english.assertStatus(422)
    english.assertBody({ errors: [{ field: 'topic', message: 'There is no such topic.' }] })
  })

  test('the API answers, errors included, without making a view renderer', async ({
    client,
    assert,
  }) => {
    const { topic } = await socialMediaWithLiveBookings()
    const createRenderer = edge.createRenderer
    let renderers = 0
    edge.createRenderer = function (this: typeof edge) {
      renderers++
      return createRenderer.call(this)
    }
    try {
      const answer = await client.get(placementUrl(topic))
      answer.assertStatus(200)
      assert.equal(answer.header('content-type'), 'application/json; charset=utf-8')
      assert.lengthOf(answer.body().data.vendors, 4)
      const unknownTopic = await client.get(placementUrl('gibt-es-nicht'))
      unknownTopic.assertStatus(422)
      const missingTopic = await client.get('/api/v1/topics/gibt-es-nicht')
      missingTopic.assertStatus(404)
      assert.deepEqual(missingTopic.body().errors[0].field, null)
      assert.equal(renderers, 0)

      // A page makes its renderer, with the language shared.
      const page = await client.get(`/topics/${topic.slug}`)
      page.assertStatus(200)
      page.assertTextIncludes('Ausgewählte Anbieter aus dem Bereich')
      assert.equal(renderers, 1)
    } finally {
      edge.createRenderer = createRenderer
    }
  })
})

test.group('Placements with the caches on', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(withDirectoryCache)
  group.each.setup(freshRotation)

  test('an approval shows on the next view; a cancellation takes it off', async ({
    client,
    assert,
  }) => {
    mail.fake()
    const { topic, sidebar } = await socialMedia()
    const editor = await createUser({ role: 'editor' })
    const request = await textAd(await advertiser(), sidebar, [thisWeek()])

    const before = await client.get(placementUrl(topic))
    assert.isNull(before.body().data.ad)

    const bookings = await app.container.make(BookingService)
    await bookings.approve(editor, request.id)
    const approved = await client.get(placementUrl(topic))
    assert.equal(approved.body().data.ad.bookingId, request.id)

    await bookings.cancel(editor, request.id)
    const cancelled = await client.get(placementUrl(topic))
    assert.isNull(cancelled.body().data.ad)
    mail.restore()
  })

  test('a warm view asks the database nothing', async ({ client, assert }) => {
    const { topic } = await socialMediaWithLiveBookings()

    const calls = { bookings: 0, vendors: 0 }
    const bookingQuery = Booking.query
    const publishedBoxRows = DirectoryService.prototype.publishedBoxRows
    Booking.query = function (this: typeof Booking, ...args: unknown[]) {
      calls.bookings++
      return bookingQuery.apply(this, args as [])
    } as typeof Booking.query
    DirectoryService.prototype.publishedBoxRows = function (this: DirectoryService, ...args) {
      calls.vendors++
      return publishedBoxRows.apply(this, args)
    }
    try {
      // Two views show all six vendors once: the box rows are known after them.
      for (let view = 0; view < 2; view++) await client.get(placementUrl(topic))
      assert.equal(calls.bookings, 1)
      const warm = { ...calls }
      for (let view = 0; view < 5; view++) {
        const response = await client.get(placementUrl(topic))
        assert.isTrue(response.body().data.vendors[0].paid)
        assert.isNotNull(response.body().data.ad)
      }
      assert.deepEqual(calls, warm)
    } finally {
      Booking.query = bookingQuery
      DirectoryService.prototype.publishedBoxRows = publishedBoxRows
    }
  })

  test('views in flight at once that meet unknown vendors share one query for them', async ({
    assert,
  }) => {
    const { topic } = await socialMediaWithLiveBookings()
    const placements = await app.container.make(PlacementService)
    let queries = 0
    const publishedBoxRows = DirectoryService.prototype.publishedBoxRows
    DirectoryService.prototype.publishedBoxRows = function (this: DirectoryService, ...args) {
      queries++
      return publishedBoxRows.apply(this, args)
    }
    try {
      const views = await Promise.all(Array.from({ length: 8 }, () => placements.forTopic(topic)))
      for (const view of views) assert.lengthOf(view.vendors, 4)
      assert.equal(queries, 1)
    } finally {
      DirectoryService.prototype.publishedBoxRows = publishedBoxRows
    }
  })
})

/** Every SQL statement sent while `work` runs. */
async function queriesDuring(work: () => Promise<void>) {
  const queries: string[] = []
  const listener = (query: { sql: string }) => queries.push(query.sql)
  const knex = db.connection().getWriteClient()
  knex.on('query', listener)
  try {
    await work()
  } finally {
    knex.off('query', listener)
  }
  return queries
}

test.group('Topic page with the caches on', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(withDirectoryCache)
  group.each.setup(freshRotation)

  test('a warm view asks the database nothing, yet rotates and counts each view', async ({
    client,
    assert,
  }) => {
    const { topic } = await socialMediaWithLiveBookings()
    const counter = await app.container.make(ImpressionCounter)
    const page = urlFor('topics.show', { slug: topic.slug })
    // Warm-up: the page around the placement, the live bookings, the box rows.
    await client.get(page)

    const before = counter.unflushed().impressions
    const boxes: string[][] = []
    const queries = await queriesDuring(async () => {
      for (let view = 0; view < 5; view++) {
        const response = await client.get(page)
        response.assertStatus(200)
        response.assertTextIncludes('Social Media')
        assert.include(adSlot(response.text()), 'Bürgerdialog online')
        const items = boxItems(response.text())
        assert.deepEqual(items[0], { name: 'Anbieter 1 GmbH', marked: true, sponsored: true })
        boxes.push(items.map((item) => item.name))
      }
    })

    assert.deepEqual(queries, [])
    // The unpaid places rotate from view to view: the page around them is shared, the box is not.
    assert.notDeepEqual(boxes[0], boxes[1])
    // Each view counted: four box places and the ad.
    assert.equal(counter.unflushed().impressions - before, 5 * 5)
    // Written inside the test's transaction, so nothing is left for other tests.
    await counter.flush()
  })

  test('the link of a place is signed once a second, and says when it was shown', async ({
    assert,
  }) => {
    const { topic, sidebar } = await socialMedia()
    const booking = await textAd(await advertiser(), sidebar, [thisWeek()], 'approved')
    const placements = await app.container.make(PlacementService)
    const at = DateTime.now().startOf('second')

    const first = await placements.forTopic(topic, null, at)
    const sameSecond = await placements.forTopic(topic, null, at.plus({ milliseconds: 600 }))
    const nextSecond = await placements.forTopic(topic, null, at.plus({ seconds: 1 }))

    assert.equal(sameSecond.ad!.clickUrl, first.ad!.clickUrl)
    assert.notEqual(nextSecond.ad!.clickUrl, first.ad!.clickUrl)
    const token = new URL(first.ad!.clickUrl).pathname.split('/').pop()!
    const check = readClickToken(token, at.plus({ minutes: 1 }).toJSDate())
    assert.equal(check.status, 'valid')
    if (check.status !== 'valid') return
    assert.equal(check.click.bookingId, booking.id)
    assert.equal(check.shownAt.getTime(), at.toMillis())
  })

  test('a signed-in reader gets their own page, never the one shared by readers', async ({
    client,
    assert,
  }) => {
    const { topic } = await socialMedia()
    const page = urlFor('topics.show', { slug: topic.slug })
    const signedIn = await assertSignedInReadersGetTheirOwnPage(client, assert, page)
    signedIn.assertTextIncludes('Ausgewählte Anbieter aus dem Bereich Social Media')
  })

  test('an editorial change shows on the next view', async ({ client }) => {
    const { topic } = await socialMedia()
    const page = urlFor('topics.show', { slug: topic.slug })
    const before = await client.get(page)
    before.assertTextIncludes('6 Anbieter')

    topic.description = 'Neu beschrieben: Kanäle, Moderation, Kampagnen.'
    await topic.save()
    await createVendor({ slug: 'neu', name: 'Neu GmbH', postalCode: '06108' }, [topic])

    const after = await client.get(page)
    after.assertTextIncludes('Neu beschrieben: Kanäle, Moderation, Kampagnen.')
    after.assertTextIncludes('7 Anbieter')
  })
  test('each language gets its own box: labels, links that keep ?lang=, and a renamed vendor at once', async ({
    client,
    assert,
  }) => {
    const { topic, vendors } = await socialMediaWithLiveBookings()
    const page = urlFor('topics.show', { slug: topic.slug })
    const english = urlFor('topics.show', { slug: topic.slug }, { qs: { lang: 'en' } })

    // Both languages, twice each: the second view of each is put together from kept pieces.
    for (let round = 0; round < 2; round++) {
      const german = await client.get(page)
      const inEnglish = await client.get(english)
      for (const [response, heading, label, bookLink] of [
        [german, 'Ausgewählte Anbieter aus dem Bereich Social Media', 'Anzeige', 'Anzeige buchen'],
        [inEnglish, 'Selected vendors in Social Media', 'Advertisement', 'Book an ad'],
      ] as const) {
        response.assertStatus(200)
        const html = response.text()
        assert.include(html.split('class="vendor-box"')[1], heading)
        const paid = html.split('vendor-box__item--paid')[1].split('</li>')[0]
        assert.include(paid, `class="vendor-box__label">${label}<`)
        assert.include(paid, 'Anbieter 1 GmbH')
        assert.include(adSlot(html), `id="ad-slot-label">${label}<`)
        assert.include(adSlot(html), bookLink)
        assert.include(adSlot(html), 'Bürgerdialog online')
      }
      const profileLinks = (html: string) =>
        [
          ...html
            .split('class="vendor-box"')[1]
            .split('</aside>')[0]
            .matchAll(/href="(\/vendors\/[^"]+)"/g),
        ].map((match) => match[1])
      assert.isNotEmpty(profileLinks(german.text()))
      for (const link of profileLinks(german.text())) assert.notInclude(link, 'lang=')
      for (const link of profileLinks(inEnglish.text())) assert.include(link, 'lang=en')
    }

    // An unpaid vendor renamed: the next views show the new name in the box.
    const renamed = vendors[3]
    renamed.name = 'Umbenannt & Partner GmbH'
    await renamed.save()
    const names = new Set<string>()
    for (let view = 0; view < 6; view++) {
      const response = await client.get(page)
      for (const item of boxItems(response.text())) names.add(item.name)
    }
    assert.isTrue(names.has('Umbenannt &amp; Partner GmbH'))
    assert.isFalse(names.has('Anbieter 4 GmbH'))
  })
})
