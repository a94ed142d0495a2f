import { DateTime } from 'luxon'
import type { I18n } from '@adonisjs/i18n'
import { barChart } from '#services/charts/bar_chart'
import { DISPLAY_ZONE } from '#services/berlin_time'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type Booking from '#models/booking'
import {
  bookingStats,
  ctrOf,
  type BookingStats,
  type Day,
  type VendorStats,
} from '#queries/delivery_stats'

const INTL_LOCALE: Record<string, string> = { de: 'de-DE', en: 'en-GB' }

/** "15.01." / "15/01": a day on the chart's axis. */
export function shortDay(day: Day, locale: string) {
  const date = DateTime.fromISO(day, { zone: DISPLAY_ZONE })
  return locale === 'en' ? date.toFormat('dd/MM') : date.toFormat('dd.MM.')
}

/** "Fr., 15.01.2027" / "Fri, 15/01/2027": a day in the table. */
export function longDay(day: Day, locale: string) {
  return DateTime.fromISO(day, { zone: DISPLAY_ZONE })
    .setLocale(INTL_LOCALE[locale] ?? INTL_LOCALE.de)
    .toLocaleString({ weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' })
}

/** The two charts of a booking's statistics: impressions (filtered, raw) and clicks. */
export function bookingCharts(stats: BookingStats, i18n: I18n) {
  const days = stats.days.map((day) => shortDay(day.day, i18n.locale))
  const number = (value: number) => i18n.formatNumber(value)
  const impressionSeries = [
    {
      key: 'impressions',
      label: i18n.t('stats.booking.impressions'),
      values: stats.days.map((d) => d.impressions),
    },
    {
      key: 'raw',
      label: i18n.t('stats.booking.raw_impressions'),
      values: stats.days.map((d) => d.rawImpressions),
    },
  ]
  const clickSeries = [
    {
      key: 'clicks',
      label: i18n.t('stats.booking.clicks'),
      values: stats.days.map((d) => d.clicks),
    },
  ]
  return {
    impressions: { chart: barChart(days, impressionSeries, number), series: impressionSeries },
    clicks: { chart: barChart(days, clickSeries, number), series: clickSeries },
  }
}

/** The two charts of a vendor's statistics: box appearances, and profile views with website clicks. */
export function vendorCharts(stats: VendorStats, i18n: I18n) {
  const days = stats.days.map((day) => shortDay(day.day, i18n.locale))
  const number = (value: number) => i18n.formatNumber(value)
  const appearanceSeries = [
    {
      key: 'paid',
      label: i18n.t('stats.vendor.paid'),
      values: stats.days.map((d) => d.paidAppearances),
    },
    {
      key: 'unpaid',
      label: i18n.t('stats.vendor.unpaid'),
      values: stats.days.map((d) => d.unpaidAppearances),
    },
  ]
  const visitSeries = [
    {
      key: 'profile',
      label: i18n.t('stats.vendor.profile_views'),
      values: stats.days.map((d) => d.profileViews),
    },
    {
      key: 'website',
      label: i18n.t('stats.vendor.website_clicks'),
      values: stats.days.map((d) => d.websiteClicks),
    },
  ]
  return {
    appearances: { chart: barChart(days, appearanceSeries, number), series: appearanceSeries },
    visits: { chart: barChart(days, visitSeries, number), series: visitSeries },
  }
}

/**
 * Everything the booking pages' statistics section needs (the advertiser's
 * and the editors'): the numbers, the charts, and the day and CTR helpers
 * the partial prints with.
 */
export async function bookingStatsSection(booking: Booking, i18n: I18n) {
  const stats = await bookingStats(booking)
  return {
    stats,
    charts: bookingCharts(stats, i18n),
    csvUrl: urlFor('account.bookings.stats_csv', { id: booking.id }),
    longDay,
    ctrOf,
  }
}
