import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import type { I18n } from '@adonisjs/i18n'
import type { VineValidator } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import type { FieldContext, SchemaTypes } from '@vinejs/vine/types'
import { ScopedMessages } from '#validators/scoped_messages'
import { fieldErrorsOf, type QueryForm } from '#services/forms'
import { blankAsMissing } from '#validators/vendor_rules'
import { bookingWindow, WEEKS_AHEAD } from '#services/booking/capacity'
import { isWeek, sortWeeks, type IsoWeek } from '#services/booking/iso_week'
import { CREATIVE_IMAGE_EXTENSIONS, MAX_CREATIVE_BYTES } from '#services/booking/creative_image'

/**
 * Booking input: the form at /account/bookings/create and
 * POST /api/v1/bookings share one validator. Pass `{ now }` as metadata to
 * control the clock (tests); otherwise the window starts next week.
 */
type WeekMeta = { now?: DateTime }

/** Every week is an ISO week ("2027-W02") between next week and 52 weeks ahead. */
const bookableWeeksRule = vine.createRule((value, _options, field: FieldContext) => {
  if (!Array.isArray(value)) return
  const malformed = value.filter((week) => typeof week !== 'string' || !isWeek(week))
  if (malformed.length > 0) {
    field.report('The {{ field }} field must hold ISO weeks like 2027-W02', 'isoWeek', field, {
      weeks: malformed.join(', '),
    })
    return
  }
  const { first, last } = bookingWindow((field.meta as WeekMeta).now ?? DateTime.now())
  const early = sortWeeks(value.filter((week: IsoWeek) => week < first))
  if (early.length > 0) {
    field.report('Weeks before {{ first }} cannot be booked', 'weekTooEarly', field, {
      weeks: early.join(', '),
      first,
    })
    return
  }
  const late = sortWeeks(value.filter((week: IsoWeek) => week > last))
  if (late.length > 0) {
    field.report('Weeks after {{ last }} cannot be booked yet', 'weekTooLate', field, {
      weeks: late.join(', '),
      last,
      max: WEEKS_AHEAD,
    })
  }
})

/** One week or many: a GET form sends a single value as a string. */
function asList(value: unknown) {
  const blank = blankAsMissing(value)
  return typeof blank === 'string' ? [blank] : blank
}

function bookableWeeks() {
  return vine
    .array(vine.string().trim())
    .parse(asList)
    .minLength(1)
    .maxLength(WEEKS_AHEAD)
    .distinct()
    .use(bookableWeeksRule())
}

/** A bookable slot: it exists and is active. */
function activeSlot() {
  return vine
    .number()
    .withoutDecimals()
    .min(1)
    .exists(async (db, value) => {
      const row = await db.from('slots').where('id', value).where('active', true).first()
      return !!row
    })
}

/** Target URLs of ads: https:// only (no http:, javascript:, data:). */
function httpsUrl() {
  return vine
    .string()
    .trim()
    .maxLength(2000)
    .url({ protocols: ['https'], require_protocol: true, require_tld: true })
}

const creative = vine.object({ kind: vine.enum(['text', 'image', 'vendor'] as const) }).merge(
  vine.group([
    vine.group.if((data) => data.kind === 'text', {
      headline: vine.string().trim().minLength(2).maxLength(60),
      body: vine.string().trim().minLength(2).maxLength(140),
      url: httpsUrl(),
    }),
    vine.group.if((data) => data.kind === 'image', {
      alt: vine.string().trim().minLength(2).maxLength(200),
      url: httpsUrl(),
    }),
    vine.group.if((data) => data.kind === 'vendor', {
      vendorSlug: vine.string().trim().maxLength(160),
    }),
  ])
)

/** A new booking: slot, weeks and the creative; an image ad's file is the multipart field `image`. */
export const bookingStoreValidator = vine.withMetaData<WeekMeta>().compile(
  vine.object({
    slotId: activeSlot(),
    weeks: bookableWeeks(),
    creative,
    image: vine
      .file({ size: MAX_CREATIVE_BYTES, extnames: [...CREATIVE_IMAGE_EXTENSIONS] })
      .optional(),
  })
)

/** The public quote (a GET form): a slot and the weeks ticked on the rate card. */
export const quoteValidator = vine.withMetaData<WeekMeta>().compile(
  vine.object({
    slot: activeSlot(),
    weeks: bookableWeeks(),
  })
)

/** The booking form's starting point: optionally a slot and weeks chosen on the rate card. */
export const bookingFormValidator = vine.compile(
  vine.object({
    slot: vine.number().parse(blankAsMissing).withoutDecimals().min(1).optional(),
    weeks: vine.array(vine.string().trim()).parse(asList).maxLength(WEEKS_AHEAD).optional(),
  })
)

/** The rate card's topic filter. */
export const rateCardValidator = vine.compile(
  vine.object({
    topic: vine.string().parse(blankAsMissing).trim().maxLength(160).optional(),
  })
)

/** Approving: optionally an impression cap. */
export const bookingApproveValidator = vine.compile(
  vine.object({
    impressionCap: vine
      .number()
      .parse(blankAsMissing)
      .withoutDecimals()
      .min(1)
      .max(1_000_000_000)
      .nullable()
      .optional(),
  })
)

/** Messages of the booking and billing validators (`bookings.validator`). */
export class BookingMessages extends ScopedMessages {
  constructor(i18n: I18n) {
    super(i18n, 'bookings.validator')
  }
}

/** Validation options for these validators: our messages, in the request's language. */
export function bookingMessages(i18n: I18n, meta: WeekMeta = {}) {
  return { messagesProvider: new BookingMessages(i18n), meta }
}

/**
 * A GET form of this area (rate card, quote): no session, so invalid input
 * answers 422 and the page shows one message per field.
 */
export async function validateBookingQuery<Schema extends SchemaTypes>(
  ctx: HttpContext,
  validator: VineValidator<Schema, any>
): Promise<QueryForm<Schema>> {
  try {
    const input = await ctx.request.validateUsing(validator, {
      data: ctx.request.qs(),
      ...bookingMessages(ctx.i18n),
    })
    return { input, errors: null }
  } catch (error) {
    const byField = fieldErrorsOf(error)
    if (!byField) throw error
    ctx.response.status(422)
    return { input: null, errors: byField }
  }
}
