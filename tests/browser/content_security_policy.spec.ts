import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { logIn, newPersonContext } from '#tests/helpers/browser_session'

/**
 * The other browser tests bypass the CSP (axe-core is injected as a
 * script). Here a plain context, with the CSP in force, opens the pages
 * and listens for the browser's own reports of anything it blocked.
 */
function watchForCspViolations(page: Page, violations: string[] = []) {
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`)
    }
  })
  return violations
}

async function openAll(page: Page, paths: string[]) {
  for (const path of paths) {
    const response = await page.goto(path, { waitUntil: 'load' })
    if (!response || response.status() >= 400) {
      throw new Error(`GET ${path} answered ${response?.status()}`)
    }
  }
}

test.group('Content-Security-Policy in the browser', () => {
  test('no page has inline script or style that the CSP blocks', async ({ browser, assert }) => {
    const context = await newPersonContext(browser)
    try {
      const page = await context.newPage()
      const violations = watchForCspViolations(page)

      // The check can see a violation: an inline script and an inline stylesheet.
      await page.goto(urlFor('home'))
      await page.addScriptTag({ content: 'window.inlineRan = true' }).catch(() => {})
      await page.addStyleTag({ content: 'body { color: red }' }).catch(() => {})
      await page.waitForTimeout(200)
      assert.isFalse(await page.evaluate('"inlineRan" in window'))
      assert.isAbove(violations.length, 1, 'the control page must be reported')
      violations.length = 0

      await openAll(page, [
        urlFor('home'),
        urlFor('topics.show', { slug: 'social-media' }),
        urlFor('search', [], { qs: { q: 'Giessen' } }),
        urlFor('legal.imprint'),
        urlFor('legal.privacy'),
        urlFor('auth.login'),
        urlFor('auth.signup'),
        urlFor('auth.password.forgot'),
      ])
      const profile = page.locator('a[href*="/vendors/"]').first()
      await page.goto(urlFor('search', [], { qs: { q: 'Giessen' } }))
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), profile.click()])

      await logIn(page, 'vendor@example.com')
      await openAll(page, [urlFor('account.home'), urlFor('account.vendors.index')])
      const vendorLink = page.locator('main a[href*="/account/vendors/"]').first()
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), vendorLink.click()])

      assert.deepEqual(violations, [])
    } finally {
      await context.close()
    }
  })

  test('the editorial pages work under the CSP', async ({ browser, assert }) => {
    const context = await newPersonContext(browser)
    try {
      const page = await context.newPage()
      const violations = watchForCspViolations(page)
      await logIn(page, 'editor@example.com')
      await openAll(page, [
        urlFor('editorial.queue'),
        urlFor('editorial.topics.index'),
        urlFor('editorial.vendors.index'),
      ])
      assert.deepEqual(violations, [])
    } finally {
      await context.close()
    }
  })
})
