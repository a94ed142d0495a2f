import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Slot from '#models/slot'
import Topic from '#models/topic'
import { BookingFactory, bookWeeks } from '#database/factories/booking_factory'
import { SlotFactory } from '#database/factories/slot_factory'
import { TopicFactory } from '#database/factories/topic_factory'
import {
  buildOccupancyGrid,
  inventorySlots,
  occupancyCsvRows,
  occupancyGrid,
} from '#queries/occupancy_grid'
import { slotAvailability } from '#queries/slot_availability'
import { addWeeks, weekOf, type IsoWeek } from '#services/booking/iso_week'

/** An unsaved slot with its topic, as inventorySlots() hands them over. */
function slot(id: number, owner: Topic | null, capacity: number, position: Slot['position']) {
  const row = new Slot()
  row.merge({
    id,
    topicId: owner?.id ?? null,
    capacity,
    position,
    priceCents: 10_000,
    active: true,
  })
  if (owner) row.$setRelated('topic', owner)
  return row
}

function topic(id: number, slug: string) {
  const row = new Topic()
  row.merge({ id, slug, name: slug.toUpperCase(), position: id })
  return row
}

test.group('Occupancy grid (read-model)', () => {
  test('groups slots by topic and sums shares and revenue per week, per topic and overall', ({
    assert,
  }) => {
    const weeks: IsoWeek[] = ['2026-W53', '2027-W01']
    const social = topic(1, 'social')
    const slots = [
      slot(10, null, 1, 'sidebar'),
      slot(11, social, 3, 'sidebar'),
      slot(12, social, 2, 'vendor_box'),
    ]
    const use = new Map([
      [11, new Map([['2026-W53' as IsoWeek, { booked: 2, held: 1 }]])],
      [12, new Map([['2027-W01' as IsoWeek, { booked: 1, held: 0 }]])],
      [10, new Map([['2027-W01' as IsoWeek, { booked: 1, held: 1 }]])],
    ])
    const revenue = new Map([
      [11, new Map([['2026-W53' as IsoWeek, 38_000]])],
      [12, new Map([['2027-W01' as IsoWeek, 12_000]])],
      [10, new Map([['2027-W01' as IsoWeek, 50_000]])],
    ])

    const grid = buildOccupancyGrid(slots, weeks, use, revenue)

    assert.deepEqual(grid.weeks, weeks)
    assert.deepEqual(
      grid.groups.map((group) => [group.topic?.slug ?? null, group.rows.map((r) => r.slot.id)]),
      [
        [null, [10]],
        ['social', [11, 12]],
      ]
    )
    const [everywhere, socialGroup] = grid.groups
    assert.deepEqual(socialGroup.rows[0].cells[0], {
      week: '2026-W53',
      capacity: 3,
      booked: 2,
      held: 1,
      free: 0,
      revenueCents: 38_000,
    })
    // Overbooked by data (booked + held > capacity) still shows 0 free, never negative.
    assert.deepInclude(everywhere.rows[0].cells[1], { booked: 1, held: 1, free: 0 })
    assert.deepEqual(socialGroup.totals, [
      { week: '2026-W53', capacity: 5, booked: 2, held: 1, free: 2, revenueCents: 38_000 },
      { week: '2027-W01', capacity: 5, booked: 1, held: 0, free: 4, revenueCents: 12_000 },
    ])
    assert.equal(socialGroup.revenueCents, 50_000)
    assert.equal(everywhere.revenueCents, 50_000)
    assert.deepEqual(grid.totals, [
      { week: '2026-W53', capacity: 6, booked: 2, held: 1, free: 3, revenueCents: 38_000 },
      { week: '2027-W01', capacity: 6, booked: 2, held: 1, free: 4, revenueCents: 62_000 },
    ])
    assert.equal(grid.revenueCents, 100_000)

    const csv = occupancyCsvRows(grid)
    assert.lengthOf(csv, 1 + 3 * 2 + 2 * 2 + 2)
    assert.deepEqual(csv[0].slice(0, 3), ['row', 'topic', 'topic_name'])
    assert.deepEqual(csv.at(-1), ['total', '', '', '', '', '', '', '2027-W01', 6, 2, 1, 4, 62_000])
  })

  test('no slots: an empty grid with zero totals', ({ assert }) => {
    const grid = buildOccupancyGrid([], ['2027-W01'], new Map(), new Map())
    assert.deepEqual(grid.groups, [])
    assert.deepEqual(grid.totals, [
      { week: '2027-W01', capacity: 0, booked: 0, held: 0, free: 0, revenueCents: 0 },
    ])
  })
})

test.group('Occupancy grid (database)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('slots in inventory order; counts from one query, revenue at the booked price', async ({
    assert,
  }) => {
    const second = await TopicFactory.merge({ slug: 'b-thema', position: 2 }).create()
    const first = await TopicFactory.merge({ slug: 'a-thema', position: 1 }).create()
    const box = await SlotFactory.merge({ topicId: first.id }).apply('vendorBox').create()
    const sidebar = await SlotFactory.merge({ topicId: first.id, priceCents: 20_000 }).create()
    const later = await SlotFactory.merge({ topicId: second.id }).create()
    const everywhere = await SlotFactory.apply('runOfSite').create()
    const week = addWeeks(weekOf(DateTime.now()), 1)
    await bookWeeks(
      await BookingFactory.merge({ slotId: sidebar.id, priceCents: 17_500 })
        .apply('approved')
        .create(),
      [week]
    )
    await bookWeeks(await BookingFactory.merge({ slotId: sidebar.id }).create(), [week])
    await Slot.query().whereNotIn('id', [box.id, sidebar.id, later.id, everywhere.id]).delete()

    const ordered = await inventorySlots()
    assert.deepEqual(
      ordered.map((row) => row.id),
      [everywhere.id, sidebar.id, box.id, later.id]
    )

    const queries: string[] = []
    const listener = (query: { sql: string }) => queries.push(query.sql)
    const knex = db.connection().getWriteClient()
    knex.on('query', listener)
    const grid = await occupancyGrid(week, 4)
    knex.off('query', listener)

    const cell = grid.groups[1].rows[0].cells[0]
    assert.deepEqual(cell, {
      week,
      capacity: 3,
      booked: 1,
      held: 1,
      free: 1,
      revenueCents: 17_500,
    })
    assert.equal(grid.revenueCents, 17_500)

    const availability = await slotAvailability([sidebar], [week, addWeeks(week, 1)])
    assert.deepEqual(availability.get(sidebar.id), [
      { week, capacity: 3, booked: 1, held: 1, free: 1, priceCents: 20_000 },
      { week: addWeeks(week, 1), capacity: 3, booked: 0, held: 0, free: 3, priceCents: 20_000 },
    ])
    // slots, topics (preload), shares, revenue, delivery, caps: however many cells
    assert.lengthOf(queries, 6, queries.join('\n'))
  })
})
