import { berlinHour, hourKey, type BerlinHour } from '#services/delivery/berlin_hour'
import {
  DatabaseCounterStore,
  sumCounters,
  COUNTER_FIELDS,
  type CounterField,
  type CounterRow,
  type CounterStore,
} from '#services/delivery/counter_store'
import { isCountedView, type ViewRequest } from '#services/delivery/view_classification'

/** One place of a placement that a view showed. */
export type PlacementEntry = {
  bookingId: number | null
  vendorId: number | null
  topicId: number | null
  /** A paid place (an ad, a paid vendor box place). */
  paid: boolean
}

export type ClickKind = 'ad' | 'box' | 'website'

type Counted = { bookingId: number | null; vendorId: number | null; topicId: number | null }

/**
 * Counts impressions, clicks and profile views in memory and writes them
 * as one batched upsert per flush (at least once a second in the web
 * server, see flush_scheduler.ts, and once more on shutdown). There is
 * never one database write per view. A flush that fails keeps its counts
 * for the next one.
 *
 * One per process: providers/app_provider.ts binds it as a singleton.
 * No IP address or user agent is kept: a request is only classified.
 */
export class ImpressionCounter {
  #pending = new CounterBuffer()
  /** Filtered impressions per booking: not yet written, and being written. */
  #pendingByBooking = new Map<number, number>()
  #writingByBooking = new Map<number, number>()
  /** Filtered impressions stored, for the bookings asked about (caps). */
  #stored = new Map<number, number>()
  #flushes: Promise<void> = Promise.resolve()
  #flushing = false
  #lastFlushAt: Date | null = null

  constructor(
    private store: CounterStore = new DatabaseCounterStore(),
    private clock: () => Date = () => new Date()
  ) {}

  /**
   * One view of a placement: every entry counts a raw impression, and a
   * filtered one unless the request is a bot, a prefetch or prerender, or
   * a HEAD request. `counted` is that classification, for a caller that
   * has already made it.
   */
  record(entries: PlacementEntry[], request: ViewRequest, counted = isCountedView(request)) {
    const at = berlinHour(this.clock())
    for (const entry of entries) {
      const row = this.#row(at, entry, entry.paid)
      row.raw_impressions++
      if (!counted) continue
      row.impressions++
      if (entry.bookingId !== null) {
        const id = entry.bookingId
        this.#pendingByBooking.set(id, (this.#pendingByBooking.get(id) ?? 0) + 1)
      }
    }
  }

  /** A click that passed the token check and de-duplication (see ClickService). */
  recordClick(kind: ClickKind, target: Counted) {
    const field: CounterField = kind === 'website' ? 'website_clicks' : 'clicks'
    this.#row(berlinHour(this.clock()), target, target.bookingId !== null)[field]++
  }

  /** A vendor profile page seen by a reader (bots, prefetches and HEAD do not count). */
  recordProfileView(vendorId: number, request: ViewRequest) {
    if (!isCountedView(request)) return
    const target = { bookingId: null, vendorId, topicId: null }
    this.#row(berlinHour(this.clock()), target, false).profile_views++
  }

  /**
   * Filtered impressions of a booking: stored (loaded by `deliveredCounts`
   * and refreshed on every flush, so other processes' counts arrive
   * within about a second) plus what this process has not written yet.
   */
  delivered(bookingId: number): number {
    return (
      (this.#stored.get(bookingId) ?? 0) +
      (this.#writingByBooking.get(bookingId) ?? 0) +
      (this.#pendingByBooking.get(bookingId) ?? 0)
    )
  }

  /** Loads the stored totals of bookings not asked about before (one query), for caps. */
  async deliveredCounts(bookingIds: number[]): Promise<DeliveredCounts> {
    const missing = [...new Set(bookingIds)].filter((id) => !this.#stored.has(id))
    if (missing.length > 0) {
      const totals = await this.store.impressionTotals(missing)
      for (const id of missing) {
        if (!this.#stored.has(id)) this.#stored.set(id, totals.get(id) ?? 0)
      }
    }
    return new DeliveredCounts(this)
  }

  /** Lets go of the store (its writer thread): the server's last step, after the final flush. */
  async close() {
    await this.store.close?.()
  }

  /** Counts not written yet, summed per field (the ace command, tests). */
  unflushed(): Record<CounterField, number> {
    return sumCounters(this.#pending.values())
  }

  get hasUnflushed() {
    return this.#pending.size > 0
  }

  get isFlushing() {
    return this.#flushing
  }

  /** When a flush last succeeded in this process (null before the first): GET /health. */
  get lastFlushAt(): Date | null {
    return this.#lastFlushAt
  }

  /**
   * Writes what is buffered, after any flush already running. Rejects if
   * the write failed; the counts then stay buffered for the next flush.
   */
  flush(): Promise<void> {
    const next = this.#flushes.then(() => this.#flushOnce())
    this.#flushes = next.catch(() => {})
    return next
  }

  async #flushOnce() {
    this.#flushing = true
    try {
      if (this.#pending.size > 0) await this.#write()
      else await this.store.sweep?.()
      this.#lastFlushAt = this.clock()
      await this.#refreshStored()
    } finally {
      this.#flushing = false
    }
  }

  async #write() {
    const batch = this.#pending.take()
    this.#writingByBooking = this.#pendingByBooking
    this.#pendingByBooking = new Map()
    try {
      await this.store.add(batch)
    } catch (error) {
      // Nothing is lost: the batch goes back into the buffer.
      for (const row of batch) this.#mergeBack(row)
      for (const [id, count] of this.#writingByBooking) {
        this.#pendingByBooking.set(id, (this.#pendingByBooking.get(id) ?? 0) + count)
      }
      this.#writingByBooking = new Map()
      throw error
    }
  }

  /** Re-reads the stored totals that caps watch: other processes write there too. */
  async #refreshStored() {
    const written = this.#writingByBooking
    try {
      if (this.#stored.size === 0) return
      const totals = await this.store.impressionTotals([...this.#stored.keys()])
      for (const [id, total] of totals) this.#stored.set(id, total)
    } catch {
      // Stale totals plus what this process wrote; the next flush tries again.
      for (const [id, count] of written) {
        if (this.#stored.has(id)) this.#stored.set(id, this.#stored.get(id)! + count)
      }
    } finally {
      this.#writingByBooking = new Map()
    }
  }

  #row(at: BerlinHour, target: Counted, paid: boolean): CounterRow {
    return this.#pending.row(
      at,
      target.bookingId ?? 0,
      target.vendorId ?? 0,
      target.topicId ?? 0,
      paid
    )
  }

  #mergeBack(row: CounterRow) {
    const current = this.#pending.row(
      { day: row.day, hour: row.hour, key: hourKey(row.day, row.hour) },
      row.booking_id,
      row.vendor_id,
      row.topic_id,
      row.paid
    )
    for (const field of COUNTER_FIELDS) current[field] += row[field]
  }
}

/** A buffered row, and whether it has counts that were not taken yet. */
type BufferedRow = CounterRow & { dirty: boolean }

/**
 * The counts not written yet: a row per hour, booking, vendor and topic
 * (and paid or not). A view finds its rows by hour and vendor, then among
 * the few rows of that vendor, so no key string is built per view. The
 * rows of the current hour are kept after a flush (with zero counts), so
 * a busy box does not make thousands of new objects for every flush; a
 * flush takes copies of the rows that counted something.
 */
class CounterBuffer {
  #hours = new Map<string, Map<number, BufferedRow[]>>()
  /** The rows with counts since the last `take`. */
  #dirty: BufferedRow[] = []
  /** The newest hour counted in: the one whose rows `take` keeps. */
  #currentHour = ''

  get size() {
    return this.#dirty.length
  }

  /** The row of these ids in the hour, to add counts to (made the first time). */
  row(
    at: BerlinHour,
    bookingId: number,
    vendorId: number,
    topicId: number,
    paid: boolean
  ): CounterRow {
    if (at.key > this.#currentHour) this.#currentHour = at.key
    let byVendor = this.#hours.get(at.key)
    if (!byVendor) this.#hours.set(at.key, (byVendor = new Map()))
    let rows = byVendor.get(vendorId)
    if (!rows) byVendor.set(vendorId, (rows = []))
    let found: BufferedRow | undefined
    for (const row of rows) {
      if (row.booking_id === bookingId && row.topic_id === topicId && row.paid === paid) {
        found = row
        break
      }
    }
    if (!found) {
      found = { ...emptyRow(at, bookingId, vendorId, topicId, paid), dirty: false }
      rows.push(found)
    }
    if (!found.dirty) {
      found.dirty = true
      this.#dirty.push(found)
    }
    return found
  }

  /** The rows with counts, as copies; the kept rows start again from zero. */
  take(): CounterRow[] {
    const taken = this.#dirty.map((row) => {
      const copy = emptyRow(row, row.booking_id, row.vendor_id, row.topic_id, row.paid)
      for (const field of COUNTER_FIELDS) {
        copy[field] = row[field]
        row[field] = 0
      }
      row.dirty = false
      return copy
    })
    this.#dirty = []
    // Past hours are done with once taken: only the current hour's rows are kept.
    for (const hour of this.#hours.keys()) {
      if (hour !== this.#currentHour) this.#hours.delete(hour)
    }
    return taken
  }

  values(): CounterRow[] {
    return this.#dirty
  }
}

function emptyRow(
  at: { day: string; hour: number },
  bookingId: number,
  vendorId: number,
  topicId: number,
  paid: boolean
): CounterRow {
  return {
    day: at.day,
    hour: at.hour,
    booking_id: bookingId,
    vendor_id: vendorId,
    topic_id: topicId,
    paid,
    raw_impressions: 0,
    impressions: 0,
    clicks: 0,
    website_clicks: 0,
    profile_views: 0,
  }
}

/**
 * What the placement asks before it chooses a capped booking. A booking
 * stops being chosen once its filtered impressions reach the cap.
 */
export class DeliveredCounts {
  constructor(private counter: ImpressionCounter) {}

  delivered(bookingId: number): number {
    return this.counter.delivered(bookingId)
  }

  /** True once `cap` filtered impressions are delivered; a null cap is never reached. */
  reached(bookingId: number, cap: number | null | undefined): boolean {
    return cap !== null && cap !== undefined && this.counter.delivered(bookingId) >= cap
  }
}
