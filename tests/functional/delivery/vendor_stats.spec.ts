import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { TopicFactory } from '#database/factories/topic_factory'
import { SlotFactory } from '#database/factories/slot_factory'
import { BookingFactory, bookWeeks } from '#database/factories/booking_factory'
import { weekOf } from '#services/booking/iso_week'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { MemoryCursorStore, RotationCursorStore } from '#services/placement/rotation'
import { berlinDay } from '#queries/delivery_stats'
import { createVendor } from '#tests/helpers/directory'
import { addMember } from '#tests/helpers/vendor_accounts'
import { createUser } from '#tests/helpers/users'

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'

const today = () => berlinDay(DateTime.now())

/** Writes the process's buffer (other tests' leftovers go into this test's transaction, and away). */
async function flush() {
  const counter = await app.container.make(ImpressionCounter)
  await counter.flush()
}

function freshRotation() {
  const store = new MemoryCursorStore()
  app.container.swap(RotationCursorStore as any, () => store)
  return () => app.container.restore(RotationCursorStore as any)
}

/** The `data-*` numbers of the table's row for a day (or the totals). */
function tableRow(html: string, selector: string) {
  const row = new RegExp(`<tr ${selector}[^>]*>`).exec(html)?.[0] ?? ''
  const value = (name: string) => Number(new RegExp(`data-${name}="([^"]+)"`).exec(row)?.[1])
  return {
    paid: value('paid'),
    unpaid: value('unpaid'),
    profileViews: value('profile-views'),
    websiteClicks: value('website-clicks'),
  }
}

function statsUrl(id: number, qs?: Record<string, string>) {
  return urlFor('account.vendors.stats', { id }, qs ? { qs } : undefined)
}

test.group('Statistics / a vendor, for its members', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(flush)
  group.each.setup(freshRotation)

  test('box appearances (paid and unpaid), profile views and website clicks of real views', async ({
    client,
    assert,
  }) => {
    const member = await createUser()
    const topic = await TopicFactory.merge({ slug: 'social-media', name: 'Social Media' }).create()
    const paid = await createVendor(
      { slug: 'bezahlt-gmbh', name: 'Bezahlt GmbH', website: 'https://www.bezahlt.example/' },
      [topic]
    )
    const rotating = await createVendor({ slug: 'rotation-gmbh', name: 'Rotation GmbH' }, [topic])
    await addMember(paid, member)
    await addMember(rotating, member)
    const box = await SlotFactory.apply('vendorBox').merge({ topicId: topic.id }).create()
    const booking = await BookingFactory.merge({
      slotId: box.id,
      userId: member.id,
      creativeKind: 'vendor',
      vendorId: paid.id,
    })
      .apply('approved')
      .create()
    await bookWeeks(booking, [weekOf(DateTime.now())])

    // Two readers' views of the topic page: both vendors fit into the box each time.
    for (let view = 0; view < 2; view++) {
      const page = await client
        .get(urlFor('topics.show', { slug: topic.slug }))
        .header('user-agent', FIREFOX)
      page.assertStatus(200)
    }
    // A profile view of the paid vendor, and a click on its website link.
    const profile = await client
      .get(urlFor('vendors.show', { slug: paid.slug }))
      .header('user-agent', FIREFOX)
    const website = /<a href="(\/c\/[^"]+)" rel="nofollow noopener">www\.bezahlt\.example/.exec(
      profile.text()
    )
    assert.isNotNull(website)
    const click = await client.get(website![1]).header('user-agent', FIREFOX).redirects(0)
    click.assertStatus(302)
    await flush()

    const page = await client.get(statsUrl(paid.id)).loginAs(member)
    page.assertStatus(200)
    const html = page.text()
    const expected = { paid: 2, unpaid: 0, profileViews: 1, websiteClicks: 1 }
    assert.deepEqual(tableRow(html, `data-day="${today()}"`), expected)
    assert.deepEqual(tableRow(html, 'data-totals'), expected)
    // The default range: the last 30 days, today included.
    assert.equal(html.match(/<tr data-day=/g)?.length, 30)
    assert.include(html, '<title id="chart-appearances-title">')
    assert.notMatch(html, /<svg[^>]*style=|<rect[^>]*style=|<style/)

    const other = await client.get(statsUrl(rotating.id)).loginAs(member)
    assert.deepEqual(tableRow(other.text(), 'data-totals'), {
      paid: 0,
      unpaid: 2,
      profileViews: 0,
      websiteClicks: 0,
    })

    // The vendor's account page links to its statistics.
    const account = await client
      .get(urlFor('account.vendors.show', { id: paid.id }))
      .loginAs(member)
    assert.include(account.text(), `href="${statsUrl(paid.id)}"`)
  })

  test('a chosen range lists its days; editors may look, others get 404, guests the log-in', async ({
    client,
    assert,
  }) => {
    const member = await createUser()
    const stranger = await createUser()
    const editor = await createUser({ role: 'editor' })
    const vendor = await createVendor({ slug: 'zahl-gmbh', name: 'Zahl GmbH' })
    await addMember(vendor, member)
    const rows = [
      { day: '2026-03-01', hour: 9, paid: true, impressions: 5, profile_views: 0 },
      { day: '2026-03-01', hour: 10, paid: false, impressions: 7, profile_views: 0 },
      { day: '2026-03-03', hour: 0, paid: false, impressions: 0, profile_views: 4 },
      // Outside the range:
      { day: '2026-03-04', hour: 0, paid: false, impressions: 100, profile_views: 0 },
    ]
    for (const row of rows) {
      await db.table('placement_counts').insert({
        ...row,
        booking_id: 0,
        vendor_id: vendor.id,
        topic_id: 0,
        raw_impressions: row.impressions,
        clicks: 0,
        website_clicks: 0,
      })
    }
    const url = statsUrl(vendor.id, { from: '2026-03-01', to: '2026-03-03' })

    for (const user of [member, editor]) {
      const page = await client.get(url).loginAs(user)
      page.assertStatus(200)
      assert.equal(page.text().match(/<tr data-day=/g)?.length, 3)
      assert.deepEqual(tableRow(page.text(), 'data-day="2026-03-02"'), {
        paid: 0,
        unpaid: 0,
        profileViews: 0,
        websiteClicks: 0,
      })
      assert.deepEqual(tableRow(page.text(), 'data-totals'), {
        paid: 5,
        unpaid: 7,
        profileViews: 4,
        websiteClicks: 0,
      })
    }
    const refused = await client.get(url).loginAs(stranger)
    refused.assertStatus(404)
    assert.notInclude(refused.text(), 'data-totals')
    const guest = await client.get(statsUrl(vendor.id)).redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', urlFor('auth.login'))
  })

  test('a bad range answers 422 with a message by each field', async ({ client, assert }) => {
    const member = await createUser()
    const vendor = await createVendor({ slug: 'fehler-gmbh', name: 'Fehler GmbH' })
    await addMember(vendor, member)

    const malformed = await client
      .get(statsUrl(vendor.id, { from: '1.3.2026', to: '2026-02-30' }))
      .loginAs(member)
    malformed.assertStatus(422)
    assert.include(
      malformed.text(),
      '<p class="field-error" id="stats-from-error">Bitte geben Sie das Datum als JJJJ-MM-TT an, z. B. 2027-01-15.</p>'
    )
    assert.include(
      malformed.text(),
      '<p class="field-error" id="stats-to-error">Diesen Tag gibt es nicht.</p>'
    )
    // The page still shows the default range.
    assert.equal(malformed.text().match(/<tr data-day=/g)?.length, 30)

    const reversed = await client
      .get(statsUrl(vendor.id, { from: '2026-03-10', to: '2026-03-01', lang: 'en' }))
      .loginAs(member)
    reversed.assertStatus(422)
    assert.include(reversed.text(), '“To” must not be before “From”.')
    assert.notInclude(reversed.text(), 'id="stats-from-error"')

    const long = await client
      .get(statsUrl(vendor.id, { from: '2024-01-01', to: '2026-01-01' }))
      .loginAs(member)
    long.assertStatus(422)
    assert.include(long.text(), 'Der Zeitraum darf höchstens 366 Tage umfassen.')
  })
})
