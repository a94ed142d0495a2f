import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * Impression caps that hold across processes. A process takes a lease of
 * views from a capped booking's budget (`booking_deliveries.reserved`,
 * raised by a compare-and-set update, never above the cap) and serves from
 * it in memory. A lease is a share of what is left (1/8 by default), so
 * far from the cap there are few writes, and only the last few views
 * cost one each. Nothing is delivered beyond the cap, by any number of
 * processes. What a process still holds goes back on shutdown
 * (`release()`); a process that dies keeps its lease, so a booking may
 * then end a little under its cap, never over it.
 *
 * One per process: providers/app_provider.ts binds it as a singleton.
 */
export class CapLedger {
  #leases = new Map<number, number>()
  #acquiring = new Map<number, Promise<number>>()

  constructor(
    private client: () => QueryClientContract = () => db.connection(),
    private share = 8
  ) {}

  /**
   * Takes one filtered impression of the booking's budget: true if it may
   * be shown, false once the cap is reached across all processes.
   */
  async take(bookingId: number, cap: number): Promise<boolean> {
    for (;;) {
      const lease = this.#leases.get(bookingId) ?? 0
      if (lease > 0) {
        this.#leases.set(bookingId, lease - 1)
        return true
      }
      let acquiring = this.#acquiring.get(bookingId)
      if (!acquiring) {
        acquiring = this.#acquire(bookingId, cap).finally(() => this.#acquiring.delete(bookingId))
        this.#acquiring.set(bookingId, acquiring)
      }
      if ((await acquiring) === 0) return false
    }
  }

  /** Views this process holds for the booking and has not served yet. */
  held(bookingId: number) {
    return this.#leases.get(bookingId) ?? 0
  }

  /** Gives back what this process holds (shutdown). */
  async release() {
    const leases = [...this.#leases].filter(([, count]) => count > 0)
    this.#leases.clear()
    for (const [bookingId, count] of leases) {
      await this.client()
        .knexQuery()
        .table('booking_deliveries')
        .where('booking_id', bookingId)
        .decrement('reserved', count)
    }
  }

  async #acquire(bookingId: number, cap: number): Promise<number> {
    const client = this.client()
    // A lost compare-and-set means another process took views: the budget
    // only shrinks, so this ends with a lease or with the cap reached.
    for (;;) {
      const row = await client
        .from('booking_deliveries')
        .where('booking_id', bookingId)
        .select('reserved')
        .first()
      if (!row) {
        await this.#open(client, bookingId)
        continue
      }
      const reserved = Number(row.reserved)
      const remaining = cap - reserved
      if (remaining <= 0) return 0
      const count = Math.max(1, Math.floor(remaining / this.share))
      const updated = await client
        .knexQuery()
        .table('booking_deliveries')
        .where({ booking_id: bookingId, reserved })
        .update({ reserved: reserved + count })
      if (Number(updated) === 1) {
        this.#leases.set(bookingId, (this.#leases.get(bookingId) ?? 0) + count)
        return count
      }
    }
  }

  /** The first lease of a booking starts from the impressions already stored. */
  async #open(client: QueryClientContract, bookingId: number) {
    const [stored] = await client
      .from('placement_counts')
      .where('booking_id', bookingId)
      .sum('impressions as total')
    await client
      .knexQuery()
      .table('booking_deliveries')
      .insert({ booking_id: bookingId, reserved: Number(stored?.total ?? 0) })
      .onConflict('booking_id')
      .ignore()
  }
}
