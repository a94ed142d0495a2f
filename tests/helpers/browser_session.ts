import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { baseUrl, squash } from '#tests/helpers/pages'

/** The password of every demo account (docs/decisions.md). */
export const DEMO_PASSWORD = 'demo-password-2026'

/**
 * A second person at their own computer: a fresh context with no cookies,
 * reading German, pointed at the suite's server. Close it when done.
 */
export async function newPersonContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl(), locale: 'de-DE' })
}

/**
 * A form field by its exact label, as a person reads it: required fields
 * carry a " *" that is hidden from screen readers, so it is optional here.
 */
export function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return page.getByLabel(new RegExp(`^\\s*${escaped}(\\s*\\*)?\\s*$`))
}

/**
 * Logs in through the form and ends on the account home. Members land there;
 * editors and admins land on the review queue, and go on to the account.
 */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const login = urlFor('auth.login')
  const account = urlFor('account.home')
  const queue = urlFor('editorial.queue')
  await page.goto(login)
  await field(page, 'E-Mail-Adresse').fill(email)
  await field(page, 'Passwort').fill(password)
  await Promise.all([
    page.waitForURL((url) => url.pathname !== login, { waitUntil: 'load' }),
    page.getByRole('button', { name: 'Anmelden' }).click(),
  ]).catch((error) => {
    throw new Error(`Log-in as ${email} did not leave ${login}: ${error.message}`)
  })
  const landing = new URL(page.url()).pathname
  if (landing === queue) {
    await page.goto(account)
  } else if (landing !== account) {
    throw new Error(`Log-in as ${email} landed on ${page.url()}, not ${account} or ${queue}`)
  }
}

/**
 * Collects same-origin answers of 400 and above, and script errors, so a
 * journey can end by asserting that nothing broke along the way.
 */
export function watchForBreakage(page: Page, problems: string[] = []) {
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`))
  const origin = new URL(baseUrl()).origin
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (url.origin === origin && response.status() >= 400) {
      problems.push(`${response.status()} ${response.request().method()} ${url.pathname}`)
    }
  })
  return problems
}

/**
 * Clicks a link or a submit button and waits until the browser has loaded
 * the page the server answers with (after any redirect); returns that
 * answer. A target that is not on the page fails at once, by name.
 */
export async function clickAndWait(target: Locator): Promise<Response | null> {
  const page = target.page()
  await target.waitFor({ timeout: 10_000 }).catch((error: Error) => {
    throw new Error(`${page.url()} has no ${target}: ${error.message.split('\n')[0]}`)
  })
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    target.click(),
  ])
  return response
}

/** Runs one step of a journey; a failure names the step it happened in. */
export async function step<T>(title: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof Error) error.message = `Journey step "${title}": ${error.message}`
    throw error
  }
}

/** The text of the page's success notice (flashed by the POST before). */
export async function notice(page: Page) {
  return squash(await page.locator('.notice[role="status"]').first().textContent())
}
