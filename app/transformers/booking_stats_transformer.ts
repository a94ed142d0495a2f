import { BaseTransformer } from '@adonisjs/core/transformers'
import type { BookingStats } from '#queries/delivery_stats'

/**
 * A booking's statistics as `GET /api/v1/bookings/:id/stats` answers them:
 * `{ totals: { impressions, rawImpressions, clicks, ctr }, days: [{ day,
 * impressions, rawImpressions, clicks }] }`. `impressions` are the filtered
 * ones; `ctr` is clicks per filtered impression, a fraction rounded to 4
 * places (0 without impressions); days are Europe/Berlin calendar days.
 */
export default class BookingStatsTransformer extends BaseTransformer<BookingStats> {
  toObject() {
    const { totals, days } = this.resource
    return {
      totals: this.pick(totals, ['impressions', 'rawImpressions', 'clicks', 'ctr']),
      days: days.map((day) => this.pick(day, ['day', 'impressions', 'rawImpressions', 'clicks'])),
    }
  }
}
