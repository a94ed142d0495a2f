import app from '@adonisjs/core/services/app'
import { defineConfig, formatters, loaders } from '@adonisjs/i18n'
import { memoized } from '#services/i18n/memoized_formatter'

const i18nConfig = defineConfig({
  defaultLocale: 'de',
  supportedLocales: ['de', 'en'],
  // ICU, with each message's result kept per locale and values.
  formatter: memoized(formatters.icu()),
  loaders: [
    loaders.fs({
      location: app.languageFilesPath(),
    }),
  ],
})

export default i18nConfig
