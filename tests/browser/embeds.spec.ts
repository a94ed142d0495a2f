import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { test } from '@japa/runner'
import type { BrowserContext, Frame, Page, Response } from 'playwright'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Slot from '#models/slot'
import Topic from '#models/topic'
import { embedsConfig } from '#config/embeds'
import { auditPage, blockingViolations, formatViolations } from '#tests/helpers/axe'
import { checkHtml, formatVnuMessages } from '#tests/helpers/vnu'
import { baseUrl, fetchHtml, squash } from '#tests/helpers/pages'

/**
 * Another site embeds the portal: a parent page served from a different
 * origin (a small node:http server on 127.0.0.1, another port) frames the
 * vendor-box and the slot embed and uses /embed.js. The suite's server
 * (HOST:PORT of the test environment, APP_URL unset, so its absolute
 * links are http://HOST:PORT/…) answers the embeds; the demo data has a
 * live text ad and a paid place (SEITENBAU GmbH) on Social Media.
 */
const ADVERTISER_URL = 'https://www.example.com/digitale-verwaltung'

/** The parent site's page: two frames and a div for /embed.js, as the README shows them. */
function parentPage(portal: string, slotId: number) {
  return `<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>Kommunalnachrichten</title></head>
<body>
  <h1>Kommunalnachrichten</h1>
  <iframe id="box-frame" title="Ausgewählte Anbieter" src="${portal}${urlFor('embeds.vendor_box', { slug: 'social-media' })}" width="320" height="420"></iframe>
  <iframe id="ad-frame" title="Anzeige" src="${portal}${urlFor('embeds.slot', { id: slotId })}" width="320" height="260"></iframe>
  <div data-vendor-box="social-media"></div>
  <script src="${portal}${urlFor('embeds.script')}" async></script>
</body>
</html>`
}

async function startParentSite(html: () => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(html())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { server, origin: `http://127.0.0.1:${port}` }
}

/** The advertiser's site is not on the network: the browser gets a stand-in page. */
async function standInForAdvertiser(context: BrowserContext) {
  await context.route('https://www.example.com/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!DOCTYPE html><html lang="de"><title>Werbekunde</title><h1>Werbekunde</h1></html>',
    })
  )
}

/** The answers of the portal's click redirect (/c/…) so far. */
function clickRedirects(responses: Response[]): Response[] {
  return responses.filter(
    (response) => response.url().startsWith(`${baseUrl()}/c/`) && response.status() === 302
  )
}

async function frameOf(page: Page, id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe#${id}`)
  const frame = await handle.contentFrame()
  if (!frame) throw new Error(`iframe#${id} has no document`)
  await frame.waitForLoadState('load')
  return frame
}

test.group('Embeds on another site', (group) => {
  let parent: { server: Server; origin: string }
  let slotId = 0
  const configured = embedsConfig.frameAncestors

  group.setup(async () => {
    const topic = await Topic.findByOrFail('slug', 'social-media')
    const slot = await Slot.query()
      .where('topic_id', topic.id)
      .where('position', 'sidebar')
      .where('active', true)
      .firstOrFail()
    slotId = slot.id
    parent = await startParentSite(() => parentPage(baseUrl(), slotId))
    // The parent site is the configured embedding origin (EMBED_FRAME_ANCESTORS).
    embedsConfig.frameAncestors = [parent.origin]
    return async () => {
      embedsConfig.frameAncestors = configured
      await new Promise((resolve) => parent.server.close(resolve))
    }
  })

  test('the frames and embed.js show the box and the ad; the ad is clicked through /c/', async ({
    browser,
    assert,
  }) => {
    // A plain context: the CSP (frame-ancestors) is in force, as for any reader.
    const context = await browser.newContext({ locale: 'de-DE' })
    await standInForAdvertiser(context)
    const responses: Response[] = []
    context.on('response', (response) => responses.push(response))
    const problems: string[] = []
    try {
      const page = await context.newPage()
      page.on('pageerror', (error) => problems.push(`script error: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`)
      })
      await page.goto(parent.origin, { waitUntil: 'load' })

      // The vendor-box frame: 4 vendors, the paid place marked "Anzeige", no ad.
      const boxFrame = await frameOf(page, 'box-frame')
      assert.lengthOf(await boxFrame.locator('li.vendor-box__item').all(), 4)
      assert.equal(
        squash(await boxFrame.locator('h1').textContent()),
        'Ausgewählte Anbieter aus dem Bereich Social Media'
      )
      const paid = boxFrame.locator('li.vendor-box__item--paid')
      assert.equal(squash(await paid.locator('.vendor-box__label').textContent()), 'Anzeige')
      assert.equal(squash(await paid.locator('a').textContent()), 'SEITENBAU GmbH')
      assert.equal(await boxFrame.locator('.ad-slot').count(), 0)

      // The slot frame: the booked text ad, marked "Anzeige".
      const adFrame = await frameOf(page, 'ad-frame')
      assert.equal(squash(await adFrame.locator('.ad-slot__label').textContent()), 'Anzeige')
      const framedAd = adFrame.locator('a.ad-slot__link')
      assert.equal(squash(await framedAd.textContent()), 'Social Media für Kommunen')

      // embed.js: the box (4 vendors, the paid one marked) and the ad, in the parent's page.
      await page.waitForSelector('[data-vendor-box="social-media"][data-vendor-box-state="done"]')
      const host = page.locator('[data-vendor-box="social-media"]')
      assert.lengthOf(await host.locator('li.avz-box__item').all(), 4)
      assert.equal(
        squash(await host.locator('li.avz-box__item--paid .avz-label').textContent()),
        'Anzeige'
      )
      assert.equal(squash(await host.locator('.avz-ad .avz-label').textContent()), 'Anzeige')
      const scriptedAd = host.locator('.avz-ad a')
      assert.equal(squash(await scriptedAd.textContent()), 'Social Media für Kommunen')
      // Nothing it fetched carried a cookie, and the parent got none.
      assert.deepEqual(await context.cookies(), [])

      // Clicking either ad opens the advertiser, in a new tab, through the counted redirect.
      for (const ad of [framedAd, scriptedAd]) {
        assert.match(
          String(await ad.getAttribute('href')),
          new RegExp(`^${baseUrl()}/c/[\\w.%-]+$`)
        )
        const redirectsBefore = clickRedirects(responses).length
        const [tab] = await Promise.all([context.waitForEvent('page'), ad.click()])
        await tab.waitForURL(ADVERTISER_URL)
        const redirects = clickRedirects(responses)
        assert.lengthOf(redirects, redirectsBefore + 1)
        assert.equal(redirects.at(-1)!.headers().location, ADVERTISER_URL)
        assert.isTrue(await tab.evaluate('window.opener === null'), 'rel="noopener"')
        await tab.close()
      }
      assert.deepEqual(problems, [])
    } finally {
      await context.close()
    }
  })

  test('a site that is not configured cannot frame the embeds', async ({ browser, assert }) => {
    embedsConfig.frameAncestors = ["'self'"]
    const context = await browser.newContext({ locale: 'de-DE' })
    try {
      const page = await context.newPage()
      const blocked = page.waitForEvent('console', (message) =>
        /frame-ancestors/.test(message.text())
      )
      await page.goto(parent.origin, { waitUntil: 'load' })
      const report = await blocked
      assert.include(report.text(), `Framing '${baseUrl()}/' violates`)
      assert.include(report.text(), `"frame-ancestors 'self'"`)
      const element = await page.waitForSelector('iframe#box-frame')
      const frame = await element.contentFrame()
      assert.equal(await frame?.locator('li.vendor-box__item').count(), 0)
    } finally {
      embedsConfig.frameAncestors = [parent.origin]
      await context.close()
    }
  })

  test('the embed documents pass axe and the Nu HTML checker', async ({ browser, assert }) => {
    const paths = {
      'vendor box': urlFor('embeds.vendor_box', { slug: 'social-media' }),
      'vendor box (en)': urlFor(
        'embeds.vendor_box',
        { slug: 'social-media' },
        { qs: { lang: 'en' } }
      ),
      'slot': urlFor('embeds.slot', { id: slotId }),
    }
    const context = await browser.newContext({ baseURL: baseUrl(), locale: 'de-DE' })
    const failures: string[] = []
    const html: Record<string, string> = {}
    try {
      const page = await context.newPage()
      for (const [name, path] of Object.entries(paths)) {
        await page.goto(path, { waitUntil: 'load' })
        const blocking = blockingViolations(await auditPage(page))
        if (blocking.length) failures.push(`${name} (${path}):\n${formatViolations(blocking)}`)
        html[`${name} (${path})`] = await fetchHtml(path)
      }
    } finally {
      await context.close()
    }
    assert.deepEqual(failures, [], failures.join('\n'))
    const messages = await checkHtml(html)
    assert.lengthOf(messages, 0, `Nu HTML checker errors:\n${formatVnuMessages(messages)}`)
  })
})
