import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import { blankAsMissing, isGermanPostalCode, postalCodePrefix } from '#validators/vendor_rules'

/** The API and the page never return more than this many vendors at once. */
export const MAX_PER_PAGE = 100
export const MAX_RADIUS_KM = 300

const isGiven = (value: unknown) => blankAsMissing(value) !== undefined && value !== null

/** A radius needs a centre: a complete 5-digit PLZ. */
const radiusNeedsPostalCode = vine.createRule((_value, _options, field) => {
  const plz = field.parent?.plz
  if (!isGermanPostalCode(typeof plz === 'string' ? plz.trim() : plz)) {
    field.report('A radius needs a postal code of 5 digits', 'radiusNeedsPostalCode', field)
  }
})

/** What the caller knows about the request: whether any postal codes are imported. */
export type SearchMeta = { radiusAvailable: boolean }

/**
 * Without imported postal codes there are no distances at all: the radius
 * says so, and no PLZ is blamed for it.
 */
const distancesAvailable = vine.createRule((_value, _options, field) => {
  if (!(field.meta as SearchMeta).radiusAvailable) {
    field.report('Distances are not available', 'distancesAvailable', field)
  }
})

/** With a radius, the PLZ must be one whose coordinate we know. */
const knownPostalCode = vine.createRule(
  async (value, _options, field) => {
    if (!isGiven(field.parent?.radius) || !isGermanPostalCode(value)) return
    if (!(field.meta as SearchMeta).radiusAvailable) return
    const row = await db.from('postal_codes').where('code', value).select('code').first()
    if (!row) {
      field.report('The postal code {{ code }} is unknown', 'knownPostalCode', field, {
        code: value,
      })
    }
  },
  { isAsync: true }
)

/**
 * GET /search and GET /api/v1/vendors. Empty parameters count as not
 * given, so the plain HTML form can submit every field. `perPage` above
 * the maximum is capped, not refused.
 */
export const searchValidator = vine.withMetaData<SearchMeta>().compile(
  vine.object({
    q: vine.string().parse(blankAsMissing).trim().maxLength(200).optional(),
    topic: vine
      .string()
      .parse(blankAsMissing)
      .trim()
      .exists({ table: 'topics', column: 'slug' })
      .optional(),
    plz: postalCodePrefix().parse(blankAsMissing).use(knownPostalCode()).optional(),
    radius: vine
      .number()
      .parse(blankAsMissing)
      .min(1)
      .max(MAX_RADIUS_KM)
      .use(distancesAvailable())
      .use(radiusNeedsPostalCode())
      .optional(),
    page: vine.number().parse(blankAsMissing).withoutDecimals().min(1).max(100_000).optional(),
    perPage: vine
      .number()
      .parse(blankAsMissing)
      .withoutDecimals()
      .min(1)
      .optional()
      .transform((value) => Math.min(value, MAX_PER_PAGE)),
  })
)

/** The form's fields as the reader typed them, to put back into the form. */
export function searchFormValues(qs: Record<string, unknown>) {
  const values: Record<string, string> = {}
  for (const key of ['q', 'topic', 'plz', 'radius', 'perPage']) {
    if (typeof qs[key] === 'string') values[key] = qs[key]
  }
  return values
}
