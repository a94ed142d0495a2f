import { configProvider } from '@adonisjs/core'
import type { ConfigProvider } from '@adonisjs/core/types'
import type { FormatterFactory, TranslationsFormatterContract } from '@adonisjs/i18n/types'

/** Formatted messages a process keeps; the oldest go first beyond this. */
const MAX_ENTRIES = 10_000

type Value = string | number | boolean | null | undefined

/**
 * Wraps the ICU formatter, which parses the message and builds its Intl
 * formatters anew for every `t()` call. A message with the same locale and
 * plain values (strings, numbers) always formats the same, so the result is
 * kept: reader pages say "Anzeige" and their topic's heading on every view.
 * Values of other kinds (dates, objects) are formatted each time.
 */
export class MemoizedFormatter implements TranslationsFormatterContract {
  readonly name: string
  #results = new Map<string, string>()

  constructor(private inner: TranslationsFormatterContract) {
    this.name = inner.name
  }

  format(message: string, locale: string, data?: Record<string, any>): string {
    const key = keyOf(message, locale, data)
    if (key === null) return this.inner.format(message, locale, data)
    const known = this.#results.get(key)
    if (known !== undefined) return known

    const result = this.inner.format(message, locale, data)
    if (this.#results.size >= MAX_ENTRIES) this.#results.delete(this.#results.keys().next().value!)
    this.#results.set(key, result)
    return result
  }
}

function keyOf(message: string, locale: string, data?: Record<string, any>): string | null {
  if (!data) return `${locale}\u0000${message}`
  const values: Value[] = []
  for (const name of Object.keys(data)) {
    const value = data[name]
    if (value !== null && typeof value === 'object') return null
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      return null
    }
    values.push(name, value === undefined ? '\u0000undefined' : value)
  }
  return `${locale}\u0000${message}\u0000${JSON.stringify(values)}`
}

/** `formatter: memoized(formatters.icu())` in config/i18n.ts. */
export function memoized(
  formatter: ConfigProvider<FormatterFactory> | FormatterFactory
): ConfigProvider<FormatterFactory> {
  return configProvider.create(async (app) => {
    const factory = typeof formatter === 'function' ? formatter : await formatter.resolver(app)
    return (config) => new MemoizedFormatter(factory(config))
  })
}
