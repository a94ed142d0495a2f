import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { Page } from 'playwright'
import { baseUrl, squash } from '#tests/helpers/pages'
import { auditPage, blockingViolations, formatViolations } from '#tests/helpers/axe'
import { checkHtml, formatVnuMessages } from '#tests/helpers/vnu'
import {
  clickAndWait,
  logIn,
  newPersonContext,
  step,
  watchForBreakage,
} from '#tests/helpers/browser_session'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { startCounterFlush } from '#services/delivery/flush_scheduler'
import { weekOf } from '#services/booking/iso_week'
import { berlinDay } from '#queries/delivery_stats'

/** The demo ad of advertiser@example.com on the Social Media sidebar, and where it links. */
const DEMO_AD = 'Social Media für Kommunen'
const DEMO_TARGET = 'https://www.example.com/digitale-verwaltung'
/** The demo's paid place in the Social Media box (vendor@example.com's vendor). */
const PAID_VENDOR = 'SEITENBAU GmbH'
const VIEWS = 6

/**
 * A reader's browser: headless Chromium says "HeadlessChrome", which the
 * counter (isbot) rightly counts as raw only, so the reader uses the
 * desktop Chrome it stands in for.
 */
const READER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

async function checkPage(page: Page, name: string, html: Record<string, string>) {
  const blocking = blockingViolations(await auditPage(page))
  if (blocking.length > 0) {
    throw new Error(`axe-core on ${name} (${page.url()}):\n${formatViolations(blocking)}`)
  }
  html[`${name} (${new URL(page.url()).pathname})`] = await page.content()
}

/**
 * Answers the browser's requests to the origin of `url` with a page of our
 * own, so no network is needed. Playwright's route() is not asked about
 * the hops of a redirect (its docs: "the handler will only be called for
 * the first url if the response is a redirect"), and the advertiser's site
 * is the target of /c/'s 302, so this pauses those requests through the
 * DevTools protocol's Fetch domain instead.
 */
async function answerFor(page: Page, url: string, html: string) {
  const cdp = await page.context().newCDPSession(page)
  cdp.on('Fetch.requestPaused', (event) => {
    void cdp.send('Fetch.fulfillRequest', {
      requestId: event.requestId,
      responseCode: 200,
      responseHeaders: [{ name: 'content-type', value: 'text/html; charset=utf-8' }],
      body: Buffer.from(html).toString('base64'),
    })
  })
  await cdp.send('Fetch.enable', {
    patterns: [{ urlPattern: `${new URL(url).origin}/*`, requestStage: 'Request' }],
  })
}

/** What one view of the topic page showed: the ad's headline, the box, what is marked. */
async function placementOf(page: Page) {
  const slot = page.locator('aside.ad-slot')
  const items = page.locator('aside.vendor-box li.vendor-box__item')
  const box: { name: string; marked: boolean }[] = []
  const count = await items.count()
  for (let index = 0; index < count; index++) {
    const item = items.nth(index)
    box.push({
      name: squash(await item.locator('.vendor-box__name').textContent()),
      marked: (await item.locator('.vendor-box__label').count()) > 0,
    })
  }
  const labels = await page.locator('aside.vendor-box .vendor-box__label').allTextContents()
  return {
    ad: squash(await slot.locator('.ad-slot__link').first().textContent()),
    adMarked: squash(await slot.locator('.ad-slot__label').textContent()) === 'Anzeige',
    box,
    boxLabels: labels.map(squash),
  }
}

/**
 * Reloads a statistics page until the row matches (the counters reach the
 * table with the next flush, about a second), at most `timeoutMs`.
 */
async function pollRow(
  page: Page,
  selector: string,
  ready: (values: Record<string, number>) => boolean,
  timeoutMs = 15_000
) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const row = page.locator(selector)
    const values: Record<string, number> = {}
    for (const name of ['impressions', 'raw-impressions', 'clicks', 'paid', 'unpaid']) {
      const value = await row.getAttribute(`data-${name}`)
      if (value !== null) values[name] = Number(value)
    }
    if (ready(values)) return values
    if (Date.now() > deadline) {
      throw new Error(`${page.url()}: ${selector} still shows ${JSON.stringify(values)}`)
    }
    await page.waitForTimeout(250)
    await page.reload({ waitUntil: 'load' })
  }
}

test.group('Delivery journey', () => {
  test('a reader sees the booked ad and the paid vendor, clicks the ad; the advertiser sees it counted', async ({
    browser,
    assert,
    cleanup,
  }) => {
    // The web server flushes the counters each second (bin/server.ts); the
    // suite's in-process server does the same for this journey.
    const stopFlushing = startCounterFlush(await app.container.make(ImpressionCounter))
    cleanup(() => stopFlushing())
    const problems: string[] = []
    const pages: Record<string, string> = {}
    const today = berlinDay(DateTime.now())

    const readerContext = await browser.newContext({
      baseURL: baseUrl(),
      locale: 'de-DE',
      userAgent: READER_AGENT,
    })
    cleanup(() => readerContext.close())
    const reader = await readerContext.newPage()
    watchForBreakage(reader, problems)

    // 1. Several views: the booked ad and the paid vendor, each marked "Anzeige".
    const seen = await step('view the Social Media page several times', async () => {
      const views = []
      for (let view = 0; view < VIEWS; view++) {
        await reader.goto(urlFor('topics.show', { slug: 'social-media' }))
        views.push(await placementOf(reader))
      }
      return views
    })
    const withAd = seen.filter((view) => view.ad === DEMO_AD)
    assert.isAbove(withAd.length, 0, `the demo ad in none of ${JSON.stringify(seen)}`)
    assert.isTrue(withAd.every((view) => view.adMarked))
    for (const view of seen) {
      const paid = view.box.find((item) => item.name === PAID_VENDOR)
      assert.deepEqual(paid, { name: PAID_VENDOR, marked: true })
      assert.deepEqual(view.boxLabels, ['Anzeige'])
      assert.isTrue(view.box.filter((item) => item.name !== PAID_VENDOR).every((i) => !i.marked))
    }
    // The unpaid places rotate from view to view.
    const lineups = new Set(seen.map((view) => view.box.map((item) => item.name).join('|')))
    assert.isAbove(lineups.size, 1)

    // 2. The ad's link goes through /c/ to the advertiser's site (answered here, no network).
    await step("click the ad and land on the advertiser's site", async () => {
      await answerFor(
        reader,
        DEMO_TARGET,
        '<!doctype html><html lang="de"><title>Werbekunde</title></html>'
      )
      for (let attempt = 0; attempt < VIEWS; attempt++) {
        await reader.goto(urlFor('topics.show', { slug: 'social-media' }))
        const shown = await placementOf(reader)
        if (shown.ad === DEMO_AD) break
      }
      const link = reader.locator('aside.ad-slot .ad-slot__link', { hasText: DEMO_AD })
      assert.match((await link.getAttribute('href'))!, /\/c\/[^/]+$/)
      await clickAndWait(link)
      assert.equal(reader.url(), DEMO_TARGET)
      assert.equal(await reader.title(), 'Werbekunde')
    })
    const adViews = withAd.length + 1

    // 3. The advertiser's statistics show the impressions and the click.
    const advertiserContext = await newPersonContext(browser)
    cleanup(() => advertiserContext.close())
    const advertiser = await advertiserContext.newPage()
    watchForBreakage(advertiser, problems)
    await step('log in as the demo advertiser', () => logIn(advertiser, 'advertiser@example.com'))

    await step("open the ad's booking and see today's impressions and the click", async () => {
      await advertiser.goto(urlFor('account.bookings.index'))
      const row = advertiser
        .locator('tr[data-booking]', { hasText: 'Social Media' })
        .filter({ hasText: weekOf(DateTime.now()) })
      assert.equal(await row.count(), 1)
      await clickAndWait(row.getByRole('link'))
      assert.include(await advertiser.locator('.creative-preview').textContent(), DEMO_AD)
      const values = await pollRow(
        advertiser,
        `#stats-table tr[data-day="${today}"]`,
        (counted) => counted.impressions >= adViews && counted.clicks >= 1
      )
      assert.equal(values.clicks, 1)
      assert.isAtLeast(values['raw-impressions'], values.impressions)
      const totals = advertiser.locator('#stats-table tr[data-totals]')
      assert.isAtLeast(Number(await totals.getAttribute('data-impressions')), adViews)
      assert.equal(
        await advertiser.locator('svg title#chart-impressions-title').textContent(),
        'Impressionen pro Tag'
      )
      await checkPage(advertiser, 'booking statistics', pages)
    })

    // The paid vendor's members see its box appearances.
    const vendorContext = await newPersonContext(browser)
    cleanup(() => vendorContext.close())
    const vendor = await vendorContext.newPage()
    watchForBreakage(vendor, problems)
    await step('the vendor opens its statistics from its account page', async () => {
      await logIn(vendor, 'vendor@example.com')
      await vendor.goto(urlFor('account.vendors.index'))
      await clickAndWait(vendor.getByRole('link', { name: PAID_VENDOR }).first())
      await clickAndWait(vendor.getByRole('link', { name: 'Statistik ansehen' }))
      const values = await pollRow(
        vendor,
        `#stats-table tr[data-day="${today}"]`,
        (counted) => counted.paid >= VIEWS + 1
      )
      assert.isAtLeast(values.paid, VIEWS + 1)
      await checkPage(vendor, 'vendor statistics', pages)
    })

    assert.deepEqual(problems, [])
    const messages = await checkHtml(pages)
    assert.lengthOf(messages, 0, `Nu HTML checker errors:\n${formatVnuMessages(messages)}`)
  })
})
