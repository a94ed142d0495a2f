import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { ScopedMessages } from '#validators/scoped_messages'
import { blankAsMissing } from '#validators/vendor_rules'
import { MAX_VENDOR_DAYS } from '#queries/delivery_stats'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** "2027-02-30" has the form of a day but is none. */
const calendarDayRule = vine.createRule((value, _options, field: FieldContext) => {
  if (typeof value !== 'string' || !DateTime.fromISO(value).isValid) {
    field.report('The {{ field }} field is not a calendar day', 'calendarDay', field)
  }
})

/** `to` on or after `from`, and at most MAX_VENDOR_DAYS days in all. */
const dayRangeRule = vine.createRule((value, _options, field: FieldContext) => {
  const from = field.parent?.from
  if (typeof value !== 'string' || typeof from !== 'string') return
  const start = DateTime.fromISO(from)
  const end = DateTime.fromISO(value)
  if (!start.isValid || !end.isValid) return
  const days = end.diff(start, 'days').days + 1
  if (days < 1) field.report('The {{ field }} field is before from', 'dayRange', field)
  else if (days > MAX_VENDOR_DAYS) {
    field.report('The range is too long', 'dayRangeMax', field, { max: MAX_VENDOR_DAYS })
  }
})

const day = () => vine.string().parse(blankAsMissing).trim().regex(DAY).use(calendarDayRule())

/** The vendor statistics' range: `?from=2027-01-01&to=2027-01-31` (Berlin days). */
export const vendorStatsValidator = vine.compile(
  vine.object({
    from: day().optional(),
    to: day().use(dayRangeRule()).optional(),
  })
)

/** Messages of the statistics validators (`stats.validation`), then the shared ones. */
export function statsMessages(i18n: I18n): MessagesProviderContact {
  return new ScopedMessages(i18n, 'stats.validation')
}
