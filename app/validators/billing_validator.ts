import vine from '@vinejs/vine'
import { emailAddress, germanPostalCode } from '#validators/vendor_rules'

/**
 * Countries an advertiser's billing address may be in (ISO 3166-1
 * alpha-2), labelled in bookings.countries.*. A small list of our own
 * until a shared country list exists.
 */
export const BILLING_COUNTRIES = [
  'DE',
  'AT',
  'CH',
  'BE',
  'CZ',
  'DK',
  'ES',
  'FR',
  'IT',
  'LI',
  'LU',
  'NL',
  'PL',
] as const

/** VAT identification numbers of the EU member states (VIES formats) and Switzerland. */
export const VAT_ID =
  /^(ATU\d{8}|BE[01]\d{9}|BG\d{9,10}|CY\d{8}[A-Z]|CZ\d{8,10}|DE\d{9}|DK\d{8}|EE\d{9}|EL\d{9}|ES[A-Z0-9]\d{7}[A-Z0-9]|FI\d{8}|FR[A-HJ-NP-Z0-9]{2}\d{9}|HR\d{11}|HU\d{8}|IE\d[A-Z0-9+*]\d{5}[A-Z]{1,2}|IT\d{11}|LT(\d{9}|\d{12})|LU\d{8}|LV\d{11}|MT\d{8}|NL\d{9}B\d{2}|PL\d{10}|PT\d{9}|RO\d{2,10}|SE\d{12}|SI\d{8}|SK\d{10}|XI\d{9}|CHE\d{9}(MWST|TVA|IVA)?)$/

/**
 * A Leitweg-ID (XRechnung buyer reference of German public buyers):
 * coarse address of 2–12 digits, optionally a fine address of up to 30
 * letters and digits, and two check digits, e.g. 04011000-12345-03. Other
 * buyers may give a reference of their own: letters, digits and - _ / .
 */
const LEITWEG_ID = /^\d{2,12}(-[A-Z0-9]{1,30})?-\d{2}$/
const OWN_REFERENCE = /^[A-Za-z][A-Za-z0-9 ._/-]{0,59}$/

const buyerReferenceRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const looksLikeLeitweg = /^\d/.test(value)
  if (looksLikeLeitweg ? !LEITWEG_ID.test(value) : !OWN_REFERENCE.test(value)) {
    field.report('The {{ field }} field is not a valid Leitweg-ID', 'buyerReference', field)
  }
})

/** Removes spaces and dots people type into IDs, and upper-cases them. */
function compact(value: unknown) {
  if (typeof value !== 'string') return value
  const compacted = value.replace(/[\s.]/g, '').toUpperCase()
  return compacted === '' ? null : compacted
}

function blankAsNull(value: unknown) {
  return typeof value === 'string' && value.trim() === '' ? null : value
}

const common = {
  company: vine.string().trim().minLength(2).maxLength(200),
  street: vine.string().trim().minLength(3).maxLength(200),
  city: vine.string().trim().minLength(2).maxLength(120),
  country: vine.enum(BILLING_COUNTRIES),
  invoiceEmail: emailAddress(),
  vatId: vine.string().parse(compact).regex(VAT_ID).nullable().optional(),
  buyerReference: vine
    .string()
    .parse(blankAsNull)
    .trim()
    .maxLength(60)
    .use(buyerReferenceRule())
    .nullable()
    .optional(),
}

/** Billing details, asked once per account: a German address has a five-digit PLZ. */
export const billingValidator = vine.compile(
  vine.object(common).merge(
    vine.group([
      vine.group.if((data) => data.country === 'DE', { postalCode: germanPostalCode() }),
      vine.group.else({
        postalCode: vine
          .string()
          .trim()
          .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/),
      }),
    ])
  )
)
