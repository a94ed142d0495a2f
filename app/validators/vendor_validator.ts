import vine from '@vinejs/vine'
import { plainText } from '#validators/plain_text_rule'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { Infer } from '@vinejs/vine/types'
import { countryCode, emailAddress, germanPostalCode, websiteUrl } from '#validators/vendor_rules'
import { fold } from '#services/search/fold'
import { VENDOR_PROFILE_FIELDS, type VendorProfile, type VendorProfileField } from '#models/vendor'

/**
 * The one set of rules for vendor data: the account form, the API's
 * PATCH /api/v1/vendors/:slug and the CSV import all validate with it.
 *
 * `topicIds` must name 1 to 5 existing topics. The existence check runs
 * one query on the default connection; inside a transaction (SQLite has one
 * connection) pass the transaction as metadata:
 * `validator.validate(data, { meta: { client: trx } })`.
 */

export const MIN_TOPICS = 1
export const MAX_TOPICS = 5
export const MAX_DESCRIPTION_LENGTH = 10_000

/** The 16 German states (Bundesländer), as the directory spells them. */
export const GERMAN_STATES = [
  'Baden-Württemberg',
  'Bayern',
  'Berlin',
  'Brandenburg',
  'Bremen',
  'Hamburg',
  'Hessen',
  'Mecklenburg-Vorpommern',
  'Niedersachsen',
  'Nordrhein-Westfalen',
  'Rheinland-Pfalz',
  'Saarland',
  'Sachsen',
  'Sachsen-Anhalt',
  'Schleswig-Holstein',
  'Thüringen',
] as const

const STATE_BY_FOLDED = new Map(GERMAN_STATES.map((state) => [fold(state), state]))

/** Digits, spaces and + - ( ) / only: "+49 (0)345 123-45", "0345/12345". */
const PHONE = /^[\d\s+\-()/]+$/

/** One of the 16 states, in any letter case ("thueringen" → "Thüringen"). */
const germanStateRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const state = STATE_BY_FOLDED.get(fold(value))
  if (!state) {
    field.report('The {{ field }} field must be a German state', 'germanState', field)
    return
  }
  field.mutate(state, field)
})

/** Every topic named (by id, or by slug in the API) must exist; one query for the whole list. */
export const knownTopicsRule = vine.createRule<{ column: 'id' | 'slug' }>(
  async (value, options, field) => {
    if (!Array.isArray(value) || value.length === 0 || !field.isValid) return
    // Vine checks the items after the list's own rules: malformed ones ("a",
    // -1, 1.5) are left to the item rules and never reach the query.
    const wellFormed =
      options.column === 'id'
        ? value.every((item) => Number.isSafeInteger(Number(item)) && Number(item) > 0)
        : value.every((item) => typeof item === 'string')
    if (!wellFormed) return
    const client = (field.meta as { client?: QueryClientContract }).client ?? db
    const keys: (number | string)[] = [
      ...new Set<number | string>(options.column === 'id' ? value.map(Number) : value),
    ]
    const rows = await client.from('topics').whereIn(options.column, keys).select('id')
    if (rows.length !== keys.length) {
      field.report('The {{ field }} field contains an unknown topic', 'knownTopics', field)
    }
  },
  { isAsync: true }
)

/** In a partial update, `null` would clear a required field: refused as missing. */
const notNullRule = vine.createRule(
  (value, _options, field) => {
    if (value === null) field.report('The {{ field }} field is required', 'required', field)
  },
  { implicit: true }
)

/** A single checked box arrives as a string, several as an array. */
function asList(value: unknown) {
  if (value === undefined || value === null || value === '') return value
  return Array.isArray(value) ? value : [value]
}

export function germanState() {
  return vine.string().trim().maxLength(80).use(germanStateRule())
}

export function topicIdsSchema() {
  return vine
    .array(vine.number().withoutDecimals().positive())
    .parse(asList)
    .minLength(MIN_TOPICS)
    .maxLength(MAX_TOPICS)
    .distinct()
    .use(knownTopicsRule({ column: 'id' }))
}

/** The API names topics by slug, as its answers do. */
export function topicSlugsSchema() {
  return vine
    .array(vine.string().trim())
    .minLength(MIN_TOPICS)
    .maxLength(MAX_TOPICS)
    .distinct()
    .use(knownTopicsRule({ column: 'slug' }))
}

/**
 * The fields of a whole vendor, as fresh schema objects. Optional fields
 * accept `null` (an emptied form field) and keep it, so it clears the value.
 */
export function vendorFields() {
  return {
    name: vine.string().trim().minLength(2).maxLength(200).use(plainText()),
    street: vine.string().trim().maxLength(200).nullable().optional(),
    postalCode: germanPostalCode(),
    city: vine.string().trim().minLength(1).maxLength(120),
    state: germanState().nullable().optional(),
    country: countryCode().optional(),
    phone: vine.string().trim().maxLength(40).regex(PHONE).nullable().optional(),
    email: emailAddress().nullable().optional(),
    website: websiteUrl().nullable().optional(),
    description: vine.string().trim().maxLength(MAX_DESCRIPTION_LENGTH).nullable().optional(),
    topicIds: topicIdsSchema(),
  } satisfies Record<VendorProfileField | 'topicIds', unknown>
}

/**
 * The same fields, each optional: only the given ones change. `null`
 * clears an optional field; required fields (name, postalCode, city,
 * topicIds) cannot be cleared.
 */
export function vendorPatchFields() {
  const fields = vendorFields()
  return {
    ...fields,
    name: fields.name.use(notNullRule()).optional(),
    postalCode: fields.postalCode.use(notNullRule()).optional(),
    city: fields.city.use(notNullRule()).optional(),
    topicIds: fields.topicIds.use(notNullRule()).optional(),
    topics: topicSlugsSchema().use(notNullRule()).optional(),
  }
}

/** The plain schema of a whole vendor, e.g. for one CSV row. */
export const vendorSchema = vine.object(vendorFields())

/** Creating a vendor, and the account form's edits: every field. */
export const vendorValidator = vine.compile(vendorSchema)

/** PATCH /api/v1/vendors/:slug: partial updates. */
export const vendorPatchValidator = vine.compile(vine.object(vendorPatchFields()))

export type VendorInput = Infer<typeof vendorSchema>
export type VendorPatchInput = Partial<VendorInput> & { topics?: string[] }

/** A whole vendor's profile from the full validator's output: what is not given is empty. */
export function vendorAttributes(input: VendorInput): VendorProfile {
  const given = Object.fromEntries(
    VENDOR_PROFILE_FIELDS.map((field) => [field, input[field] ?? null])
  ) as VendorProfile
  return { ...given, country: input.country ?? 'DE', description: input.description ?? '' }
}
