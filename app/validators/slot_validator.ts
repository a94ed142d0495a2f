import vine from '@vinejs/vine'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { ScopedMessages } from '#validators/scoped_messages'
import type { I18n } from '@adonisjs/i18n'
import { SLOT_POSITIONS } from '#models/slot'
import { isWeek, weeksBetween, type IsoWeek } from '#services/booking/iso_week'
import { blankAsMissing } from '#validators/vendor_rules'

/** "300x250": width × height in pixels, as image ads must match it. */
export const SLOT_FORMAT = /^[1-9]\d{1,3}x[1-9]\d{1,3}$/

export const MIN_CAPACITY = 1
export const MAX_CAPACITY = 20
/** Price of one share and week: 1 € up to 100.000 € net. */
export const MIN_PRICE_CENTS = 100
export const MAX_PRICE_CENTS = 10_000_000

/** "190", "190,5", "1.190,00", "190 €"; a dot only groups thousands. */
const EURO_AMOUNT = /^(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$/

/** Euros as German forms write them, in cents; null when it is no amount. */
export function euroToCents(value: string): number | null {
  const plain = value.replace(/\s*€$/, '').trim()
  if (!EURO_AMOUNT.test(plain)) return null
  const [euros, cents = ''] = plain.replace(/\./g, '').split(',')
  return Number(euros) * 100 + Number(cents.padEnd(2, '0'))
}

/** Cents as the form shows them again: "1190,00". */
export function centsToEuroInput(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`
}

const euroAmountRule = vine.createRule<{ min: number; max: number }>(
  (value, { min, max }, field) => {
    const cents = typeof value === 'string' ? euroToCents(value) : null
    if (cents === null) {
      field.report('The {{ field }} field must be an amount in euros', 'euroAmount', field)
    } else if (cents < min) {
      field.report('The {{ field }} field is too small', 'euroMin', field, {
        min: centsToEuroInput(min),
      })
    } else if (cents > max) {
      field.report('The {{ field }} field is too large', 'euroMax', field, {
        max: centsToEuroInput(max),
      })
    }
  }
)

/** A vendor_box place shows the vendor's own profile: it has no image format. */
const noFormatForVendorBoxRule = vine.createRule((_value, _options, field) => {
  if ((field.parent as { position?: unknown }).position === 'vendor_box') {
    field.report('The {{ field }} field must be empty for vendor_box', 'vendorBox', field)
  }
})

/**
 * Creating or changing a slot (the editorial form). `topicId` empty means
 * every topic page (run of site); the price is typed in euros ("190,00")
 * and comes out in cents. Sidebar slots need an image format, vendor_box
 * slots must have none. Messages: slots.validation in resources/lang.
 */
export const slotValidator = vine.compile(
  vine.object({
    topicId: vine
      .number()
      .parse(blankAsMissing)
      .withoutDecimals()
      .exists({ table: 'topics', column: 'id' })
      .optional(),
    position: vine.enum(SLOT_POSITIONS),
    format: vine
      .string()
      .parse(blankAsMissing)
      .trim()
      .toLowerCase()
      .regex(SLOT_FORMAT)
      .use(noFormatForVendorBoxRule())
      .optional()
      .requiredWhen('position', '=', 'sidebar'),
    capacity: vine.number().withoutDecimals().min(MIN_CAPACITY).max(MAX_CAPACITY),
    price: vine
      .string()
      .trim()
      .use(euroAmountRule({ min: MIN_PRICE_CENTS, max: MAX_PRICE_CENTS }))
      .transform((value) => euroToCents(value)!),
    active: vine.boolean().optional(),
  })
)

/* -------------------------------------------------------------------------- */

const isoWeekRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string' || !isWeek(value)) {
    field.report('The {{ field }} field must be an ISO week like 2027-W02', 'isoWeek', field)
  }
})

/** An ISO week, "2027-W02" (an empty parameter counts as not given). */
function isoWeek(inWindow = false) {
  const week = vine.string().parse(blankAsMissing).trim().toUpperCase().use(isoWeekRule())
  return (inWindow ? week.use(inWindowRule()) : week).transform((value) => value as IsoWeek)
}

type Window = { first: IsoWeek; last: IsoWeek }

/** `from` and the weeks after it must lie in the booking window (meta.window). */
const inWindowRule = vine.createRule((value, _options, field: FieldContext) => {
  const window = (field.meta as { window: Window }).window
  const from = String((field.parent as { from?: unknown }).from ?? '')
    .trim()
    .toUpperCase()
  if (!field.isValid) return
  if (field.name === 'from') {
    if (!isWeek(String(value))) return
    const week = value as IsoWeek
    if (week < window.first || week > window.last) {
      field.report('The {{ field }} week is outside the booking window', 'window', field, window)
    }
    return
  }
  // weeks: the last week asked for must not pass the window's end
  const start = from && isWeek(from) ? (from as IsoWeek) : window.first
  if (start < window.first || start > window.last) return
  const room = weeksBetween(start, window.last) + 1
  if (Number(value) > room) {
    field.report('Too many weeks for the booking window', 'window', field, { ...window, max: room })
  }
})

/**
 * `GET /api/v1/slots/:id/availability?from=2027-W02&weeks=8`: `from`
 * defaults to next week, `weeks` to 26 (1–52); both within the booking
 * window, which the caller passes as `meta.window` (bookingWindow()).
 */
export const slotAvailabilityValidator = vine.withMetaData<{ window: Window }>().compile(
  vine.object({
    from: isoWeek(true).optional(),
    weeks: vine
      .number()
      .parse(blankAsMissing)
      .withoutDecimals()
      .min(1)
      .max(52)
      .use(inWindowRule())
      .optional(),
  })
)

/** `GET /api/v1/slots?topic=<slug>` */
export const slotListValidator = vine.compile(
  vine.object({
    topic: vine
      .string()
      .parse(blankAsMissing)
      .trim()
      .maxLength(120)
      .exists({ table: 'topics', column: 'slug' })
      .optional(),
  })
)

/** The occupancy grid: `?from=2027-W02&weeks=12` (any week; 1–52 columns). */
export const occupancyValidator = vine.compile(
  vine.object({
    from: isoWeek().optional(),
    weeks: vine.number().parse(blankAsMissing).withoutDecimals().min(1).max(52).optional(),
  })
)

/** Messages of the slot validators (`slots.validation`), then the shared ones. */
export function slotMessages(i18n: I18n): MessagesProviderContact {
  return new ScopedMessages(i18n, 'slots.validation')
}
