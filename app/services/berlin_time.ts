import { DateTime } from 'luxon'

/**
 * Every point in time the app shows is Berlin time, whatever the server's
 * zone: the owner's page, the editorial queue and the mails must agree.
 */
export const DISPLAY_ZONE = 'Europe/Berlin'

export type TimeValue = DateTime | Date | string | number | null | undefined

/** English uses the British format: 24-hour clock and CET/CEST, like the German MEZ/MESZ. */
const INTL_LOCALE: Record<string, string> = { de: 'de-DE', en: 'en-GB' }

export function toDateTime(value: TimeValue): DateTime | null {
  if (value === null || value === undefined || value === '') return null
  let dateTime: DateTime
  if (DateTime.isDateTime(value)) dateTime = value
  else if (value instanceof Date) dateTime = DateTime.fromJSDate(value)
  else if (typeof value === 'number') dateTime = DateTime.fromMillis(value)
  else dateTime = DateTime.fromISO(value, { setZone: true })
  return dateTime.isValid ? dateTime : null
}

export type BerlinTimeOptions = {
  /** `date` shows the day only; `dateTime` (default) adds hours and minutes. */
  style?: 'date' | 'dateTime'
  /** Adds the zone (MEZ/MESZ, CET/CEST), where readers compare times. Default true for `dateTime`. */
  zone?: boolean
}

/**
 * "15.01.2026, 02:52 MEZ" / "15 Jan 2026, 02:52 CET"; an empty string for
 * no value, so templates can print it as it is.
 */
export function berlinTime(value: TimeValue, locale: string, options: BerlinTimeOptions = {}) {
  const dateTime = toDateTime(value)
  if (!dateTime) return ''
  const style = options.style ?? 'dateTime'
  const local = dateTime.setZone(DISPLAY_ZONE).setLocale(INTL_LOCALE[locale] ?? INTL_LOCALE.de)
  if (style === 'date') return local.toLocaleString(DateTime.DATE_MED)
  const text = local.toLocaleString({ ...DateTime.DATE_MED, hour: '2-digit', minute: '2-digit' })
  return options.zone === false ? text : `${text} ${local.toFormat('ZZZZ')}`
}

/** The machine-readable value of `<time datetime>`: UTC, ISO 8601. */
export function isoTime(value: TimeValue) {
  return toDateTime(value)?.toUTC().toISO() ?? ''
}
