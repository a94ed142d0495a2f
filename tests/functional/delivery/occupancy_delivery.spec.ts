import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Slot from '#models/slot'
import { TopicFactory } from '#database/factories/topic_factory'
import { SlotFactory } from '#database/factories/slot_factory'
import { BookingFactory, bookWeeks } from '#database/factories/booking_factory'
import { addWeeks, weekOf, weekStart } from '#services/booking/iso_week'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { MemoryCursorStore, RotationCursorStore } from '#services/placement/rotation'
import { berlinDay } from '#queries/delivery_stats'
import { createVendor } from '#tests/helpers/directory'
import { createUser } from '#tests/helpers/users'

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'

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

/** The opening tag of a grid cell. */
function cellTag(html: string, slotId: number, week: string) {
  const row = html.split(`<tr data-slot="${slotId}">`)[1]?.split('</tr>')[0] ?? ''
  return new RegExp(`<td data-week="${week}"[^>]*>[\\s\\S]*?</td>`).exec(row)?.[0] ?? ''
}

test.group('Statistics / the occupancy grid shows the delivery', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(flush)
  group.each.setup(freshRotation)

  test('delivered impressions and clicks per slot and week, against booked shares and caps', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const topic = await TopicFactory.merge({ slug: 'social-media', name: 'Social Media' }).create()
    await createVendor({ slug: 'anbieter-1', name: 'Anbieter 1 GmbH' }, [topic])
    const sidebar = await SlotFactory.merge({ topicId: topic.id, capacity: 3 }).create()
    const current = weekOf(DateTime.now())
    const previous = addWeeks(current, -1)
    const booking = await BookingFactory.merge({
      slotId: sidebar.id,
      targetUrl: 'https://werbung.example.com/',
      impressionCap: 50,
    })
      .apply('approved')
      .create()
    await bookWeeks(booking, [previous, current])
    await Slot.query().whereNot('id', sidebar.id).delete()

    // Last week's counts are stored; this week's come from real views and a click.
    await db.table('placement_counts').insert({
      day: berlinDay(weekStart(previous)),
      hour: 12,
      booking_id: booking.id,
      vendor_id: 0,
      topic_id: topic.id,
      paid: true,
      raw_impressions: 8,
      impressions: 7,
      clicks: 2,
      website_clicks: 0,
      profile_views: 0,
    })
    let link = ''
    for (let view = 0; view < 3; view++) {
      const page = await client
        .get(urlFor('topics.show', { slug: topic.slug }))
        .header('user-agent', FIREFOX)
      link = /<a class="ad-slot__link" href="([^"]+)"/.exec(page.text())![1]
    }
    const click = await client
      .get(new URL(link.replaceAll('&amp;', '&')).pathname)
      .header('user-agent', FIREFOX)
      .redirects(0)
    click.assertStatus(302)
    await flush()

    const grid = await client
      .get(urlFor('editorial.slots.occupancy', {}, { qs: { from: previous, weeks: 3 } }))
      .loginAs(editor)
    grid.assertStatus(200)
    const html = grid.text()

    const last = cellTag(html, sidebar.id, previous)
    assert.include(last, 'data-booked="1"')
    assert.include(last, 'data-impressions="7" data-clicks="2"')
    assert.include(last, '7 Impr. · 2 Klicks')
    const now = cellTag(html, sidebar.id, current)
    assert.include(now, 'data-impressions="3" data-clicks="1"')
    // The cap counts over all of the booking's weeks.
    assert.include(now, 'data-cap="50" data-cap-delivered="10"')
    assert.include(now, 'Kontingent: 10 / 50')
    const next = cellTag(html, sidebar.id, addWeeks(current, 1))
    assert.include(next, 'data-impressions="0" data-clicks="0"')
    assert.notInclude(next, 'data-cap=')

    const total = html.slice(html.indexOf('data-total'))
    assert.include(total, `data-impressions="3" data-clicks="1"`)
    assert.include(total, `data-impressions="7" data-clicks="2"`)

    // The editor's booking page shows the cap against what was delivered.
    const page = await client
      .get(urlFor('editorial.bookings.show', { id: booking.id }))
      .loginAs(editor)
    page.assertStatus(200)
    assert.include(page.text(), 'data-cap="50" data-delivered="10"')
    assert.include(page.text(), '10 von 50 ausgeliefert')
  })
})
