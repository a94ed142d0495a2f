import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Slot, { SLOT_POSITIONS } from '#models/slot'
import Booking from '#models/booking'
import { availability, weekUse, type WeekUse } from '#services/booking/capacity'
import { weekRange, type IsoWeek } from '#services/booking/iso_week'
import {
  slotWeekCaps,
  slotWeekDelivery,
  type SlotWeekCaps,
  type SlotWeekDelivery,
} from '#queries/delivery_stats'

export const DEFAULT_GRID_WEEKS = 12

/** One slot in one week: its shares and the net revenue of the approved ones. */
export type OccupancyCell = {
  week: IsoWeek
  capacity: number
  booked: number
  held: number
  free: number
  revenueCents: number
}

/** Sums over several slots in one week. */
export type OccupancyTotal = Omit<OccupancyCell, 'week'> & { week: IsoWeek }

/**
 * What one slot delivered in one week: filtered impressions and clicks of
 * its bookings, and the caps of its capped approved bookings (null: none)
 * with what those delivered so far.
 */
export type DeliveryCell = {
  week: IsoWeek
  impressions: number
  clicks: number
  cap: number | null
  capDelivered: number | null
}

export type OccupancyRow = {
  slot: Slot
  cells: OccupancyCell[]
  /** Parallel to `cells`. */
  delivery: DeliveryCell[]
  revenueCents: number
}

/** A topic's slots (or the run-of-site ones, `topic` null) with their sums per week. */
export type OccupancyGroup = {
  topic: { id: number; slug: string; name: string } | null
  rows: OccupancyRow[]
  totals: OccupancyTotal[]
  revenueCents: number
}

export type OccupancyGrid = {
  weeks: IsoWeek[]
  groups: OccupancyGroup[]
  totals: OccupancyTotal[]
  /** Filtered impressions and clicks of all slots per week. */
  deliveryTotals: { week: IsoWeek; impressions: number; clicks: number }[]
  revenueCents: number
}

/** Net revenue of approved shares per slot and week, in cents. */
export type WeekRevenue = Map<number, Map<IsoWeek, number>>

/**
 * Every slot with its topic, in inventory order: run of site first, then
 * the topics' editorial order, sidebar before vendor_box.
 */
export async function inventorySlots(client: QueryClientContract = db.connection()) {
  const slots = await Slot.query({ client }).preload('topic')
  const rank = (slot: Slot) => [
    slot.topic ? 1 : 0,
    slot.topic?.position ?? 0,
    slot.topic?.name ?? '',
    SLOT_POSITIONS.indexOf(slot.position),
    slot.id,
  ]
  return slots.sort((a, b) => {
    const [left, right] = [rank(a), rank(b)]
    for (const [index, value] of left.entries()) {
      const other = right[index]
      if (value !== other) return value < other ? -1 : 1
    }
    return 0
  })
}

function emptyTotals(weeks: IsoWeek[]): OccupancyTotal[] {
  return weeks.map((week) => ({ week, capacity: 0, booked: 0, held: 0, free: 0, revenueCents: 0 }))
}

function addCell(total: OccupancyTotal, cell: OccupancyCell) {
  total.capacity += cell.capacity
  total.booked += cell.booked
  total.held += cell.held
  total.free += cell.free
  total.revenueCents += cell.revenueCents
}

/**
 * The grid from slots in inventory order and their use: pure, so that the
 * sums can be checked without a database. Counts follow the capacity rule
 * (`availability`).
 */
export function buildOccupancyGrid(
  slots: Slot[],
  weeks: IsoWeek[],
  use: Map<number, Map<IsoWeek, WeekUse>>,
  revenue: WeekRevenue,
  delivered: SlotWeekDelivery = new Map(),
  caps: SlotWeekCaps = new Map()
): OccupancyGrid {
  const groups: OccupancyGroup[] = []
  const totals = emptyTotals(weeks)
  const deliveryTotals = weeks.map((week) => ({ week, impressions: 0, clicks: 0 }))

  for (const slot of slots) {
    const topicId = slot.topicId ?? null
    let group = groups.at(-1)
    if (!group || (group.topic?.id ?? null) !== topicId) {
      const topic = slot.topicId === null ? null : slot.topic
      group = {
        topic: topic ? { id: topic.id, slug: topic.slug, name: topic.name } : null,
        rows: [],
        totals: emptyTotals(weeks),
        revenueCents: 0,
      }
      groups.push(group)
    }

    const cells = weeks.map((week) => ({
      ...availability(slot.capacity, week, use.get(slot.id)?.get(week)),
      revenueCents: revenue.get(slot.id)?.get(week) ?? 0,
    }))
    const delivery = weeks.map((week, index) => {
      const counts = delivered.get(slot.id)?.get(week)
      const capped = caps.get(slot.id)?.get(week)
      deliveryTotals[index].impressions += counts?.impressions ?? 0
      deliveryTotals[index].clicks += counts?.clicks ?? 0
      return {
        week,
        impressions: counts?.impressions ?? 0,
        clicks: counts?.clicks ?? 0,
        cap: capped?.cap ?? null,
        capDelivered: capped?.delivered ?? null,
      }
    })
    const row = {
      slot,
      cells,
      delivery,
      revenueCents: cells.reduce((sum, c) => sum + c.revenueCents, 0),
    }
    group.rows.push(row)
    group.revenueCents += row.revenueCents
    cells.forEach((cell, index) => {
      addCell(group.totals[index], cell)
      addCell(totals[index], cell)
    })
  }

  return {
    weeks,
    groups,
    totals,
    deliveryTotals,
    revenueCents: groups.reduce((sum, group) => sum + group.revenueCents, 0),
  }
}

/** Net cents of the approved shares per slot and week, in one query. */
export async function weekRevenue(
  slotIds: number[],
  weeks: IsoWeek[],
  client: QueryClientContract
): Promise<WeekRevenue> {
  const bySlot: WeekRevenue = new Map()
  if (slotIds.length === 0 || weeks.length === 0) return bySlot

  const rows = await Booking.query({ client })
    .where('bookings.status', 'approved')
    .join('booking_weeks', 'booking_weeks.booking_id', 'bookings.id')
    .whereIn('booking_weeks.slot_id', slotIds)
    .whereIn('booking_weeks.week', weeks)
    .groupBy('booking_weeks.slot_id', 'booking_weeks.week')
    .select('booking_weeks.slot_id', 'booking_weeks.week')
    .sum('bookings.price_cents as revenue')
    .pojo<{ slot_id: number; week: IsoWeek; revenue: number | string | null }>()

  for (const row of rows) {
    const slot = bySlot.get(row.slot_id) ?? new Map<IsoWeek, number>()
    slot.set(row.week, Number(row.revenue ?? 0))
    bySlot.set(row.slot_id, slot)
  }
  return bySlot
}

/**
 * The occupancy grid of every slot for `count` weeks from `from`, with the
 * delivery: a fixed number of queries (slots, shares, revenue, delivered
 * impressions and clicks, caps), however many cells.
 */
export async function occupancyGrid(
  from: IsoWeek,
  count: number = DEFAULT_GRID_WEEKS,
  now: DateTime = DateTime.now(),
  client: QueryClientContract = db.connection()
): Promise<OccupancyGrid> {
  const weeks = weekRange(from, count)
  const slots = await inventorySlots(client)
  const ids = slots.map((slot) => slot.id)
  const [use, revenue, delivered, caps] = [
    await weekUse(ids, weeks, client, now),
    await weekRevenue(ids, weeks, client),
    await slotWeekDelivery(ids, weeks, client),
    await slotWeekCaps(ids, weeks, client),
  ]
  return buildOccupancyGrid(slots, weeks, use, revenue, delivered, caps)
}

/** The grid as CSV rows: one per slot and week, then each topic's and the overall sums. */
export function occupancyCsvRows(grid: OccupancyGrid) {
  const header = [
    'row',
    'topic',
    'topic_name',
    'slot_id',
    'position',
    'format',
    'active',
    'week',
    'capacity',
    'booked',
    'held',
    'free',
    'revenue_net_cents',
  ]
  const rows: (string | number)[][] = [header]
  const line = (
    kind: string,
    group: OccupancyGroup | null,
    slot: Slot | null,
    cell: OccupancyTotal
  ) => [
    kind,
    group ? (group.topic?.slug ?? '*') : '',
    group ? (group.topic?.name ?? '*') : '',
    slot?.id ?? '',
    slot?.position ?? '',
    slot?.format ?? '',
    slot ? (slot.active ? 'yes' : 'no') : '',
    cell.week,
    cell.capacity,
    cell.booked,
    cell.held,
    cell.free,
    cell.revenueCents,
  ]
  for (const group of grid.groups) {
    for (const row of group.rows) {
      for (const cell of row.cells) rows.push(line('slot', group, row.slot, cell))
    }
    for (const total of group.totals) rows.push(line('topic', group, null, total))
  }
  for (const total of grid.totals) rows.push(line('total', null, null, total))
  return rows
}
