import vine from '@vinejs/vine'

/**
 * Reusable schema pieces for vendor data: the vendor forms, the API and
 * the imports all accept postal codes, websites and e-mail addresses by
 * the same rules. Each helper returns a fresh schema, so callers can chain
 * `.optional()` or `.nullable()` without affecting one another.
 *
 * Messages come through i18n (resources/lang/<locale>/validator.json) by
 * rule name: `germanPostalCode`, `postalCodePrefix`, `url`, `email`.
 */

const GERMAN_POSTAL_CODE = /^\d{5}$/
const POSTAL_CODE_PREFIX = /^\d{1,5}$/

export function isGermanPostalCode(value: unknown): value is string {
  return typeof value === 'string' && GERMAN_POSTAL_CODE.test(value)
}

export function isPostalCodePrefix(value: unknown): value is string {
  return typeof value === 'string' && POSTAL_CODE_PREFIX.test(value)
}

const germanPostalCodeRule = vine.createRule((value, _options, field) => {
  if (!isGermanPostalCode(value)) {
    field.report(
      'The {{ field }} field must be a German postal code of exactly 5 digits',
      'germanPostalCode',
      field
    )
  }
})

const postalCodePrefixRule = vine.createRule((value, _options, field) => {
  if (!isPostalCodePrefix(value)) {
    field.report('The {{ field }} field must have 1 to 5 digits', 'postalCodePrefix', field)
  }
})

/** A German postal code (PLZ): exactly five digits, leading zeros kept ("06217"). */
export function germanPostalCode() {
  return vine.string().trim().use(germanPostalCodeRule())
}

/** The start of a PLZ, 1–5 digits, for region searches ("06" is Saxony-Anhalt and more). */
export function postalCodePrefix() {
  return vine.string().trim().use(postalCodePrefixRule())
}

/** A website: absolute http(s) URL with a host name, nothing like `javascript:` or `ftp:`. */
export function websiteUrl() {
  return vine
    .string()
    .trim()
    .maxLength(500)
    .url({ protocols: ['http', 'https'], require_protocol: true, require_tld: true })
}

/** An e-mail address, as the column holds it (254 characters at most). */
export function emailAddress() {
  return vine.string().trim().maxLength(254).email()
}

/** For GET forms: an empty query parameter (`?plz=`) counts as not given. */
export function blankAsMissing(value: unknown) {
  return typeof value === 'string' && value.trim() === '' ? undefined : value
}
