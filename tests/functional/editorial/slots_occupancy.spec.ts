import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { parse } from 'csv-parse/sync'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Slot from '#models/slot'
import { SlotFactory } from '#database/factories/slot_factory'
import { BookingFactory, bookWeeks } from '#database/factories/booking_factory'
import { addWeeks, weekOf, weekRange } from '#services/booking/iso_week'
import { createUser } from '#tests/helpers/users'
import { topic } from './fixtures.js'

/** Two topics with a sidebar each, a run-of-site slot, and bookings in the first two weeks. */
async function bookedInventory() {
  const social = await topic('social-media', 'Social Media', 1)
  const egov = await topic('e-government', 'E-Government', 2)
  const sidebar = await SlotFactory.merge({
    topicId: social.id,
    capacity: 3,
    priceCents: 19_000,
  }).create()
  const egovSidebar = await SlotFactory.merge({
    topicId: egov.id,
    capacity: 2,
    priceCents: 10_000,
  }).create()
  const everywhere = await SlotFactory.apply('runOfSite').merge({ capacity: 1 }).create()
  const current = weekOf(DateTime.now())
  const next = addWeeks(current, 1)

  // Approved at an older price: revenue counts what was booked, not today's price.
  await bookWeeks(
    await BookingFactory.merge({ slotId: sidebar.id, priceCents: 15_000 })
      .apply('approved')
      .create(),
    [current, next]
  )
  await bookWeeks(
    await BookingFactory.merge({ slotId: sidebar.id, priceCents: 19_000 })
      .apply('approved')
      .create(),
    [next]
  )
  await bookWeeks(await BookingFactory.merge({ slotId: sidebar.id }).create(), [next])
  await bookWeeks(await BookingFactory.merge({ slotId: sidebar.id }).apply('expired').create(), [
    next,
  ])
  await bookWeeks(
    await BookingFactory.merge({ slotId: egovSidebar.id, priceCents: 10_000 })
      .apply('approved')
      .create(),
    [next]
  )
  // BookingFactory makes a slot of its own even when given one: the grid shows only these three.
  await Slot.query().whereNotIn('id', [sidebar.id, egovSidebar.id, everywhere.id]).delete()
  return { social, egov, sidebar, egovSidebar, everywhere, current, next }
}

test.group('Editorial / slot occupancy', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the grid shows booked, held and free shares per slot and week, revenue per topic and week', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const { sidebar, egovSidebar, everywhere, current, next } = await bookedInventory()

    const response = await client.get(urlFor('editorial.slots.occupancy')).loginAs(editor)

    response.assertStatus(200)
    const html = response.text()
    const cell = (slotId: number, week: string) => {
      const row = html.slice(html.indexOf(`<tr data-slot="${slotId}"`))
      const start = row.indexOf(`data-week="${week}"`)
      return row.slice(start, row.indexOf('</td>', start))
    }
    // 12 weeks from the current one
    for (const week of weekRange(current, 12)) assert.include(html, `<th scope="col">${week}</th>`)
    assert.notInclude(html, `<th scope="col">${addWeeks(current, 12)}</th>`)

    assert.include(cell(sidebar.id, current), 'data-booked="1" data-held="0" data-free="2"')
    assert.include(cell(sidebar.id, next), 'data-booked="2" data-held="1" data-free="0"')
    assert.include(cell(sidebar.id, next), 'occupancy-grid__full')
    assert.include(cell(sidebar.id, next), '2 gebucht')
    assert.include(cell(sidebar.id, next), '1 reserviert')
    assert.include(cell(sidebar.id, next), '0 frei')
    assert.include(cell(egovSidebar.id, next), 'data-booked="1" data-held="0" data-free="1"')
    assert.include(cell(everywhere.id, next), 'data-booked="0" data-held="0" data-free="1"')

    // Run of site first, then the topics in editorial order.
    assert.isBelow(html.indexOf('data-topic="*"'), html.indexOf('data-topic="social-media"'))
    assert.isBelow(
      html.indexOf('data-topic="social-media"'),
      html.indexOf('data-topic="e-government"')
    )

    const topicTotal = html.slice(html.indexOf('data-topic-total="social-media"'))
    assert.include(topicTotal, `data-week="${current}" data-revenue="15000"`)
    assert.include(topicTotal, `data-week="${next}" data-revenue="34000"`)
    assert.include(topicTotal, 'data-revenue="49000"><strong>490,00\u00a0€')
    const total = html.slice(html.indexOf('data-total'))
    assert.include(
      total,
      `data-week="${next}" data-booked="3" data-held="1" data-free="2" data-revenue="44000"`
    )
    assert.include(total, 'data-revenue="59000"')
    // The table scrolls in its own box on narrow screens.
    assert.include(html, '<div class="table-scroll"')
  })

  test('?from=&weeks= choose the columns; bad values get a message per field and 422', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    await SlotFactory.create()

    const chosen = await client
      .get(urlFor('editorial.slots.occupancy', {}, { qs: { from: '2027-W52', weeks: 3 } }))
      .loginAs(editor)
    chosen.assertStatus(200)
    for (const week of ['2027-W52', '2028-W01', '2028-W02']) {
      chosen.assertTextIncludes(`<th scope="col">${week}</th>`)
    }
    assert.notInclude(chosen.text(), '<th scope="col">2028-W03</th>')
    chosen.assertTextIncludes(
      `href="${urlFor('editorial.slots.occupancy', {}, { qs: { from: '2028-W03', weeks: 3 } }).replace('&', '&amp;')}"`
    )

    const bad = await client
      .get(urlFor('editorial.slots.occupancy', {}, { qs: { from: '2027-52', weeks: 60 } }))
      .loginAs(editor)
    bad.assertStatus(422)
    bad.assertTextIncludes('Die Woche wird als Kalenderwoche angegeben, z. B. 2027-W02.')
    bad.assertTextIncludes('Es dürfen höchstens 52 Wochen sein.')

    const badCsv = await client
      .get(urlFor('editorial.slots.occupancy_csv', {}, { qs: { weeks: 0 } }))
      .loginAs(editor)
    badCsv.assertStatus(422)
    assert.equal(badCsv.text(), 'Es muss mindestens 1 Woche sein.')
  })

  test('the CSV holds the same numbers: one row per slot and week, then topic and overall sums', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const { sidebar, egovSidebar, everywhere, current, next } = await bookedInventory()

    const response = await client
      .get(urlFor('editorial.slots.occupancy_csv', {}, { qs: { from: current, weeks: 2 } }))
      .loginAs(editor)

    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.include(response.header('content-disposition'), `belegung-${current}-2w.csv`)
    const rows: Record<string, string>[] = parse(response.text(), { columns: true })
    // 3 slots × 2 weeks, 3 groups × 2 weeks, 2 overall
    assert.lengthOf(rows, 14)
    assert.deepEqual(
      rows.find((row) => row.slot_id === String(sidebar.id) && row.week === next),
      {
        row: 'slot',
        topic: 'social-media',
        topic_name: 'Social Media',
        slot_id: String(sidebar.id),
        position: 'sidebar',
        format: '300x250',
        active: 'yes',
        week: next,
        capacity: '3',
        booked: '2',
        held: '1',
        free: '0',
        revenue_net_cents: '34000',
      }
    )
    assert.deepInclude(
      rows.find((row) => row.slot_id === String(everywhere.id) && row.week === current)!,
      { topic: '*', booked: '0', free: '1' }
    )
    assert.deepInclude(
      rows.find((row) => row.row === 'topic' && row.topic === 'e-government' && row.week === next)!,
      { capacity: '2', booked: '1', held: '0', free: '1', revenue_net_cents: '10000' }
    )
    assert.deepInclude(
      rows.find((row) => row.row === 'total' && row.week === next)!,
      {
        capacity: '6',
        booked: '3',
        held: '1',
        free: '2',
        revenue_net_cents: '44000',
      }
    )
    assert.deepInclude(
      rows.find((row) => row.row === 'total' && row.week === current)!,
      {
        booked: '1',
        revenue_net_cents: '15000',
      }
    )
    assert.isDefined(rows.find((row) => row.slot_id === String(egovSidebar.id)))
  })
})
