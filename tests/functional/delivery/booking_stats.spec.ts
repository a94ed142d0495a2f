import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { parse } from 'csv-parse/sync'
import { TopicFactory } from '#database/factories/topic_factory'
import { SlotFactory } from '#database/factories/slot_factory'
import { BookingFactory, bookWeeks } from '#database/factories/booking_factory'
import { addWeeks, weekOf, weekStart, type IsoWeek } from '#services/booking/iso_week'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { MemoryCursorStore, RotationCursorStore } from '#services/placement/rotation'
import { berlinDay, daysBetween } from '#queries/delivery_stats'
import type User from '#models/user'
import type Slot from '#models/slot'
import { createVendor } from '#tests/helpers/directory'
import { createUser } from '#tests/helpers/users'

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

const thisWeek = () => weekOf(DateTime.now())
const today = () => berlinDay(DateTime.now())

async function counter() {
  return app.container.make(ImpressionCounter)
}

/** Writes the process's buffer (other tests' leftovers go into this test's transaction, and away). */
async function emptyBuffer() {
  const buffer = await counter()
  await buffer.flush()
}

function freshRotation() {
  const store = new MemoryCursorStore()
  app.container.swap(RotationCursorStore as any, () => store)
  return () => app.container.restore(RotationCursorStore as any)
}

/** A topic with two published vendors and its sidebar slot. */
async function sidebarTopic() {
  const topic = await TopicFactory.merge({ slug: 'social-media', name: 'Social Media' }).create()
  for (const i of [1, 2]) {
    await createVendor({ slug: `anbieter-${i}`, name: `Anbieter ${i} GmbH` }, [topic])
  }
  const slot = await SlotFactory.merge({ topicId: topic.id }).create()
  return { topic, slot }
}

/** An approved text ad of `user` on the slot for these weeks. */
async function approvedAd(user: User, slot: Slot, weeks: IsoWeek[], impressionCap?: number) {
  const booking = await BookingFactory.merge({
    slotId: slot.id,
    userId: user.id,
    headline: 'Bürgerdialog online',
    targetUrl: 'https://werbung.example.com/angebot',
    impressionCap: impressionCap ?? null,
  })
    .apply('approved')
    .create()
  return bookWeeks(booking, weeks)
}

/** One stored counter row of the booking (as a flush writes it). */
function countRow(
  bookingId: number,
  day: string,
  hour: number,
  counts: { impressions: number; raw: number; clicks: number }
) {
  return db.table('placement_counts').insert({
    day,
    hour,
    booking_id: bookingId,
    vendor_id: 0,
    topic_id: 1,
    paid: true,
    impressions: counts.impressions,
    raw_impressions: counts.raw,
    clicks: counts.clicks,
    website_clicks: 0,
    profile_views: 0,
  })
}

/** The `data-*` numbers of the statistics table's row for a day (or the totals). */
function tableRow(html: string, selector: string) {
  const row = new RegExp(`<tr ${selector}[^>]*>`).exec(html)?.[0] ?? ''
  const value = (name: string) => Number(new RegExp(`data-${name}="([^"]+)"`).exec(row)?.[1])
  return {
    impressions: value('impressions'),
    rawImpressions: value('raw-impressions'),
    clicks: value('clicks'),
  }
}

test.group('Statistics / a booking, for its advertiser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(emptyBuffer)
  group.each.setup(freshRotation)

  test('views of the topic page and a click show on the booking page, in the CSV and the API', async ({
    client,
    assert,
  }) => {
    const owner = await createUser()
    const { topic, slot } = await sidebarTopic()
    const booking = await approvedAd(owner, slot, [thisWeek()], 500)

    // Three readers' views, a crawler's (raw only) and one click on the ad.
    let link = ''
    for (const agent of [FIREFOX, FIREFOX, FIREFOX, GOOGLEBOT]) {
      const page = await client
        .get(urlFor('topics.show', { slug: topic.slug }))
        .header('user-agent', agent)
      page.assertStatus(200)
      link = /<a class="ad-slot__link" href="([^"]+)"/.exec(page.text())![1]
    }
    const click = await client
      .get(new URL(link.replaceAll('&amp;', '&')).pathname)
      .header('user-agent', FIREFOX)
      .redirects(0)
    click.assertStatus(302)
    await emptyBuffer()

    const page = await client
      .get(urlFor('account.bookings.show', { id: booking.id }))
      .loginAs(owner)
    page.assertStatus(200)
    const html = page.text()
    assert.deepEqual(tableRow(html, `data-day="${today()}"`), {
      impressions: 3,
      rawImpressions: 4,
      clicks: 1,
    })
    assert.deepEqual(tableRow(html, 'data-totals'), {
      impressions: 3,
      rawImpressions: 4,
      clicks: 1,
    })
    assert.include(html, 'data-ctr="0.3333"')
    assert.include(html, '33,33')
    assert.include(html, '3 von 500 ausgeliefert')
    assert.include(html, '<title id="chart-impressions-title">Impressionen pro Tag</title>')
    assert.notMatch(html, /<svg[^>]*style=|<rect[^>]*style=|<style/)
    // The table lists every day from the week's Monday to today.
    const days = daysBetween(berlinDay(weekStart(thisWeek())), today())
    assert.equal(html.match(/<tr data-day=/g)?.length, days.length)
    const csvUrl = urlFor('account.bookings.stats_csv', { id: booking.id })
    assert.include(html, `href="${csvUrl}"`)

    const csv = await client.get(csvUrl).loginAs(owner)
    csv.assertStatus(200)
    csv.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.include(csv.header('content-disposition'), `booking-${booking.id}-statistik.csv`)
    const rows: string[][] = parse(csv.text())
    assert.deepEqual(rows[0], ['day', 'impressions', 'raw_impressions', 'clicks', 'ctr'])
    assert.deepEqual(
      rows.find((row) => row[0] === today()),
      [today(), '3', '4', '1', '0.3333']
    )
    assert.deepEqual(rows.at(-1), ['total', '3', '4', '1', '0.3333'])
    assert.lengthOf(rows, days.length + 2)

    const api = await client
      .get(urlFor('api.v1.bookings.stats', { id: booking.id }))
      .withGuard('api')
      .loginAs(owner)
    api.assertStatus(200)
    assert.deepEqual(api.body(), {
      data: {
        totals: { impressions: 3, rawImpressions: 4, clicks: 1, ctr: 0.3333 },
        days: days.map((day) =>
          day === today()
            ? { day, impressions: 3, rawImpressions: 4, clicks: 1 }
            : { day, impressions: 0, rawImpressions: 0, clicks: 0 }
        ),
      },
    })
  })

  test('the days run from the first Monday to today, zero days included, over stored counts', async ({
    client,
    assert,
  }) => {
    const owner = await createUser({ locale: 'en' })
    const { slot } = await sidebarTopic()
    const lastWeek = addWeeks(thisWeek(), -1)
    const booking = await approvedAd(owner, slot, [lastWeek, thisWeek(), addWeeks(thisWeek(), 1)])
    const monday = berlinDay(weekStart(lastWeek))
    await countRow(booking.id, monday, 9, { impressions: 10, raw: 12, clicks: 1 })
    await countRow(booking.id, monday, 10, { impressions: 30, raw: 30, clicks: 1 })
    await countRow(booking.id, today(), 0, { impressions: 0, raw: 2, clicks: 0 })
    // Another booking's counts and a day before the booking are not its statistics.
    await countRow(booking.id + 1000, monday, 9, { impressions: 99, raw: 99, clicks: 9 })

    const api = await client
      .get(urlFor('api.v1.bookings.stats', { id: booking.id }))
      .withGuard('api')
      .loginAs(owner)
    api.assertStatus(200)
    const { totals, days } = api.body().data
    assert.deepEqual(totals, { impressions: 40, rawImpressions: 44, clicks: 2, ctr: 0.05 })
    assert.deepEqual(
      days.map((day: { day: string }) => day.day),
      daysBetween(monday, today())
    )
    assert.deepEqual(days[0], { day: monday, impressions: 40, rawImpressions: 42, clicks: 2 })
    assert.deepEqual(days[1], { day: days[1].day, impressions: 0, rawImpressions: 0, clicks: 0 })

    const page = await client
      .get(urlFor('account.bookings.show', { id: booking.id }))
      .loginAs(owner)
      .header('accept-language', 'en')
    page.assertStatus(200)
    assert.include(page.text(), 'Impressions per day')
    assert.include(page.text(), 'No cap')
    assert.deepEqual(tableRow(page.text(), `data-day="${monday}"`), {
      impressions: 40,
      rawImpressions: 42,
      clicks: 2,
    })
  })

  test('a booking whose first week lies ahead has no days yet', async ({ client, assert }) => {
    const owner = await createUser()
    const { slot } = await sidebarTopic()
    const booking = await approvedAd(owner, slot, [addWeeks(thisWeek(), 2)])

    const page = await client
      .get(urlFor('account.bookings.show', { id: booking.id }))
      .loginAs(owner)
    page.assertStatus(200)
    assert.include(page.text(), 'Die Statistik beginnt mit der ersten gebuchten Woche.')

    const api = await client
      .get(urlFor('api.v1.bookings.stats', { id: booking.id }))
      .withGuard('api')
      .loginAs(owner)
    assert.deepEqual(api.body(), {
      data: { totals: { impressions: 0, rawImpressions: 0, clicks: 0, ctr: 0 }, days: [] },
    })
  })

  test('other advertisers get 404, guests the log-in or 401; editors see the numbers', async ({
    client,
    assert,
  }) => {
    const owner = await createUser()
    const other = await createUser()
    const editor = await createUser({ role: 'editor' })
    const { slot } = await sidebarTopic()
    const booking = await approvedAd(owner, slot, [thisWeek()], 100)
    await countRow(booking.id, today(), 8, { impressions: 25, raw: 30, clicks: 2 })

    const page = urlFor('account.bookings.show', { id: booking.id })
    const csv = urlFor('account.bookings.stats_csv', { id: booking.id })
    const api = urlFor('api.v1.bookings.stats', { id: booking.id })

    for (const url of [page, csv]) {
      const refused = await client.get(url).loginAs(other)
      refused.assertStatus(404)
      assert.notInclude(refused.text(), 'data-impressions')
      const guest = await client.get(url).redirects(0)
      guest.assertStatus(302)
      guest.assertHeader('location', urlFor('auth.login'))
    }
    const refused = await client.get(api).withGuard('api').loginAs(other)
    refused.assertStatus(404)
    assert.notProperty(refused.body(), 'data')
    const guest = await client.get(api)
    guest.assertStatus(401)
    // The API speaks for the caller's own bookings only, editors included.
    const asEditor = await client.get(api).withGuard('api').loginAs(editor)
    asEditor.assertStatus(404)

    const editorial = await client
      .get(urlFor('editorial.bookings.show', { id: booking.id }))
      .loginAs(editor)
    editorial.assertStatus(200)
    assert.include(editorial.text(), '25 von 100 ausgeliefert')
    assert.deepEqual(tableRow(editorial.text(), 'data-totals'), {
      impressions: 25,
      rawImpressions: 30,
      clicks: 2,
    })
    const editorCsv = await client.get(csv).loginAs(editor)
    editorCsv.assertStatus(200)
    assert.include(editorCsv.text(), 'total,25,30,2,0.08')
  })
})
