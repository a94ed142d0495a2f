import type { DateTime } from 'luxon'

/** "9.3.2012" as the portal prints a news item's day; English: "9 Mar 2012". */
export function formatNewsDate(day: DateTime, locale: string): string {
  return locale === 'en' ? day.setLocale('en-GB').toFormat('d LLL yyyy') : day.toFormat('d.L.yyyy')
}
