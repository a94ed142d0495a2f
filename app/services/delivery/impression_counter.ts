import { berlinHour, type BerlinHour } from '#services/delivery/berlin_hour'
import {
  DatabaseCounterStore,
  sumCounters,
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
  #pending = new Map<string, CounterRow>()
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
   * a HEAD request.
   */
  record(entries: PlacementEntry[], request: ViewRequest) {
    const counted = isCountedView(request)
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
    const batch = this.#pending
    this.#pending = new Map()
    this.#writingByBooking = this.#pendingByBooking
    this.#pendingByBooking = new Map()
    try {
      await this.store.add([...batch.values()])
    } catch (error) {
      // Nothing is lost: the batch goes back into the buffer.
      for (const [key, row] of batch) this.#mergeBack(key, row)
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
    const bookingId = target.bookingId ?? 0
    const vendorId = target.vendorId ?? 0
    const topicId = target.topicId ?? 0
    const key = `${at.day}|${at.hour}|${bookingId}|${vendorId}|${topicId}|${paid ? 1 : 0}`
    let row = this.#pending.get(key)
    if (!row) {
      row = {
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
      this.#pending.set(key, row)
    }
    return row
  }

  #mergeBack(key: string, row: CounterRow) {
    const current = this.#pending.get(key)
    if (!current) {
      this.#pending.set(key, row)
      return
    }
    current.raw_impressions += row.raw_impressions
    current.impressions += row.impressions
    current.clicks += row.clicks
    current.website_clicks += row.website_clicks
    current.profile_views += row.profile_views
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
