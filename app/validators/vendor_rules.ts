import vine from '@vinejs/vine'
import { countryCodeOf } from '#services/countries'

/**
 * Reusable schema pieces for vendor data: the vendor forms, the API and
 * the imports all accept postal codes, websites and e-mail addresses by
 * the same rules. Each helper returns a fresh schema, so callers can chain
 * `.optional()` or `.nullable()` without affecting one another.
 *
 * Messages come through i18n (resources/lang/<locale>/validator.json) by
 * rule name: `germanPostalCode`, `postalCodePrefix`, `url`, `email`,
 * `countryCode`.
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

/** `javascript:`, `mailto:` and the like: a scheme, not a host name with a port (`example.de:8080`). */
const SCHEME = /^[a-z][a-z0-9+-]*:(?!\d)/i

/**
 * What people type as their website ("www.example.de", "example.de/kontakt")
 * means https: the scheme is added where none is given. A given scheme stays,
 * so `javascript:` still fails the URL rule.
 */
export function assumeHttps(value: string) {
  if (value.startsWith('//')) return `https:${value}`
  if (value === '' || SCHEME.test(value)) return value
  return `https://${value}`
}

const assumeHttpsRule = vine.createRule((value, _options, field) => {
  if (typeof value === 'string') field.mutate(assumeHttps(value), field)
})

/** A website: absolute http(s) URL with a host name, nothing like `javascript:` or `ftp:`. */
export function websiteUrl() {
  return vine
    .string()
    .trim()
    .use(assumeHttpsRule())
    .maxLength(500)
    .url({ protocols: ['http', 'https'], require_protocol: true, require_tld: true })
}

const countryCodeRule = vine.createRule((value, _options, field) => {
  const code = typeof value === 'string' ? countryCodeOf(value) : null
  if (!code) {
    field.report('The {{ field }} field must be a country', 'countryCode', field)
    return
  }
  field.mutate(code, field)
})

/**
 * A country, stored as its ISO 3166-1 alpha-2 code. Forms send the code
 * from a list; the API and imports may also give a German or English name
 * ("Deutschland" is DE, never cut to "De").
 */
export function countryCode() {
  return vine.string().trim().maxLength(80).use(countryCodeRule())
}

/** An e-mail address, as the column holds it (254 characters at most). */
export function emailAddress() {
  return vine.string().trim().maxLength(254).email()
}

/** For GET forms: an empty query parameter (`?plz=`) counts as not given. */
export function blankAsMissing(value: unknown) {
  return typeof value === 'string' && value.trim() === '' ? undefined : value
}
