import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { auditPage, blockingViolations, formatViolations } from '#tests/helpers/axe'
import { checkHtml, formatVnuMessages } from '#tests/helpers/vnu'
import { fetchHtml } from '#tests/helpers/pages'

/** Pages of the accounts area that need no session to be reached. */
function guestPages() {
  return {
    'login': urlFor('auth.login'),
    'signup': urlFor('auth.signup'),
    'forgot password': urlFor('auth.password.forgot'),
    'dev mailbox': urlFor('dev.mailbox.index'),
  }
}

test.group('Accounts: accessibility and valid HTML', () => {
  test('axe-core finds no serious or critical violations on the account pages', async ({
    visit,
    assert,
  }) => {
    const failures: string[] = []
    const check = async (name: string, page: Page) => {
      const blocking = blockingViolations(await auditPage(page))
      if (blocking.length) failures.push(`${name}:\n${formatViolations(blocking)}`)
    }

    for (const [name, path] of Object.entries(guestPages())) {
      const page = await visit(path)
      await check(name, page)
      await page.close()
    }

    // A failed log-in shows its error; then the demo owner logs in and sees the account.
    const page = await visit(urlFor('auth.login'))
    await page.getByLabel('E-Mail-Adresse').fill('vendor@example.com')
    await page.getByLabel('Passwort').fill('not-the-password')
    await page.getByRole('button', { name: 'Anmelden' }).click()
    await page.assertTextContains('[role="alert"]', 'E-Mail-Adresse oder Passwort ist falsch.')
    await check('login with error', page)

    await page.getByLabel('E-Mail-Adresse').fill('vendor@example.com')
    await page.getByLabel('Passwort').fill('demo-password-2026')
    await page.getByRole('button', { name: 'Anmelden' }).click()
    await page.assertPath(urlFor('account.home'))
    await page.assertTextContains('h1', 'Mein Konto')
    await check('account', page)

    await page.getByRole('button', { name: 'Abmelden', exact: true }).click()
    await page.assertPath(urlFor('home'))
    // Closed while the home page still loads, Chromium 156 sometimes took minutes to close it.
    await page.waitForLoadState('load')
    await page.close()

    assert.deepEqual(failures, [], `axe-core violations:\n${failures.join('\n')}`)
  })

  test('the Nu HTML checker finds no errors in the account pages', async ({ visit, assert }) => {
    const html: Record<string, string> = {}
    for (const [name, path] of Object.entries(guestPages())) {
      html[`${name} (${path})`] = await fetchHtml(path)
    }
    const page = await visit(urlFor('auth.login'))
    await page.getByLabel('E-Mail-Adresse').fill('editor@example.com')
    await page.getByLabel('Passwort').fill('demo-password-2026')
    await page.getByRole('button', { name: 'Anmelden' }).click()
    // Editors land on the review queue; the account is one step away.
    await page.assertPath(urlFor('editorial.queue'))
    const account = urlFor('account.home')
    await page.goto(account)
    html[`account (${account}, as rendered)`] = await page.content()
    await page.close()
    const messages = await checkHtml(html)

    assert.lengthOf(messages, 0, `Nu HTML checker errors:\n${formatVnuMessages(messages)}`)
  })
})
