import { urlFor } from '@adonisjs/core/services/url_builder'
import type { RoutesList } from '@adonisjs/core/types/http'

export const SUPPORTED_LOCALES = ['de', 'en'] as const
export type Locale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'de'

function isSupported(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

/**
 * `?lang=` wins, then the first supported Accept-Language entry, then German.
 * `explicit` is the locale the URL asked for, which links must carry on.
 */
export function pickLocale(
  langParam: unknown,
  acceptLanguages: string[]
): { locale: Locale; explicit: Locale | null } {
  if (isSupported(langParam)) {
    return { locale: langParam, explicit: langParam }
  }
  for (const language of acceptLanguages) {
    const base = language.toLowerCase().split('-')[0]
    if (isSupported(base)) return { locale: base, explicit: null }
  }
  return { locale: DEFAULT_LOCALE, explicit: null }
}

/** The name of one of our routes (from the generated route list). */
export type RouteName = keyof RoutesList['ALL'] & string

/**
 * URL of a named route that keeps `?lang=` when the reader chose one.
 * Empty query values are dropped so that links stay short.
 */
export function localizedUrl(
  name: RouteName,
  params?: Record<string, unknown> | unknown[],
  qs: Record<string, unknown> = {},
  explicit: Locale | null = null
) {
  const query: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(qs)) {
    if (value !== undefined && value !== null && value !== '') query[key] = value
  }
  if (explicit) query.lang = explicit
  // Templates pass params unchecked; only the name is typed.
  return urlFor(name, params as any, { qs: query })
}
