import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import testUtils from '@adonisjs/core/services/test_utils'
import { launchChromium } from '#tests/helpers/chromium'
import { inputErrorAssertions } from '#tests/helpers/validation_assertions'
import { seedBrowserDatabase } from '#tests/helpers/browser_database'

export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  /**
   * Session-backed requests in functional tests: `.withSession()`,
   * `.withCsrfToken()`, `.loginAs(user)` and `.withGuard('api').loginAs(user)`.
   */
  sessionApiClient(app),
  inputErrorAssertions(),
  shieldApiClient(),
  authApiClient(app),
  /**
   * Only the browser suite gets a browser, and it is Debian's Chromium:
   * Playwright must never download one of its own. Its reader is German.
   */
  browserClient({
    runInSuites: ['browser'],
    launcher: launchChromium,
    // axe-core is injected with page.addScriptTag, which our CSP would block.
    contextOptions: { locale: 'de-DE', bypassCSP: true },
  }),
]

/**
 * Runs once before and after all the tests: a fresh schema for the run.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [() => testUtils.db().migrate()],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (suite.name === 'browser') {
    /**
     * The browser and the server are separate requests, so no global
     * transaction here: the suite runs on committed demo data.
     */
    suite.setup(() => seedBrowserDatabase())
  }
  if (['browser', 'functional', 'e2e'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
  /**
   * No HTTP server for unit tests, but it is booted all the same: that
   * commits the routes, and the URL builder (urlFor) knows no others.
   */
  return suite.setup(async () => {
    const server = await app.container.make('server')
    await server.boot()
  })
}
