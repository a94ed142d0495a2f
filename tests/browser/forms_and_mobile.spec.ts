import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { baseUrl, squash } from '#tests/helpers/pages'
import { field, logIn } from '#tests/helpers/browser_session'

/** What a person at a phone gets: 375 × 812, German. */
const PHONE = { width: 375, height: 812 }

/** The id of the element that has the focus. */
function focusedId(page: Page) {
  return page.evaluate<string | null>('document.activeElement?.id ?? null')
}

/** How far the page is wider than the screen (0 when it fits). */
function horizontalOverflow(page: Page) {
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
}

test.group('Forms: the error summary in German', () => {
  test('a refused vendor form: German summary, links to the fields, focus on the first error', async ({
    browser,
    assert,
  }) => {
    const context = await browser.newContext({ baseURL: baseUrl(), locale: 'de-DE' })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('console', (message) => {
      // A CSP without inline script reports blocked scripts here.
      if (/Content Security Policy|script/i.test(message.text())) problems.push(message.text())
    })
    page.on('response', (response) => {
      if (response.url().includes('/js/') && response.status() !== 200) {
        problems.push(`${response.status()} ${response.url()}`)
      }
    })
    await logIn(page, 'advertiser@example.com')
    await page.goto(urlFor('account.vendors.create'))
    await field(page, 'Name des Unternehmens').fill('X')
    await field(page, 'PLZ').fill('123')
    await field(page, 'Website').fill('www.example.de')
    await Promise.all([
      page.waitForURL(`**${urlFor('account.vendors.create')}`, { waitUntil: 'load' }),
      page.getByRole('button', { name: 'Anbieter anlegen' }).click(),
    ])

    const summary = page.locator('[data-error-summary]')
    await summary.waitFor()
    const text = squash(await summary.textContent())
    assert.include(text, 'Das Formular wurde nicht gespeichert.')
    assert.notMatch(text, /\b(the|form|could|please|field|must|errors?)\b/i, text)

    const links = await summary
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))
    assert.includeMembers(links, [
      '#field-name',
      '#field-postalCode',
      '#field-city',
      '#field-topicIds',
    ])
    // The website without https:// was fine.
    assert.notInclude(links, '#field-website')

    // The first field with an error has the focus, and is on the screen.
    await page.waitForFunction("document.activeElement?.id === 'field-name'")
    assert.equal(await focusedId(page), 'field-name')
    const box = await page.locator('#field-name').boundingBox()
    assert.isTrue(!!box && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height)

    // A link of the summary leads to its field, however far down the form it is.
    await summary.locator('a[href="#field-topicIds"]').click()
    assert.equal(await focusedId(page), 'field-topicIds')
    const topics = await page.locator('#field-topicIds').boundingBox()
    assert.isTrue(!!topics && topics.y >= 0 && topics.y <= page.viewportSize()!.height)

    assert.deepEqual(problems, [], problems.join('; '))
    await context.close()
  })
})

test.group('Mobile: the topic page at 375 px', () => {
  test('the vendor box and the ad come before the long list, and nothing is wider than the screen', async ({
    browser,
    assert,
  }) => {
    const context = await browser.newContext({
      baseURL: baseUrl(),
      locale: 'de-DE',
      viewport: PHONE,
    })
    const page = await context.newPage()
    await page.goto(urlFor('topics.show', { slug: 'social-media' }))

    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y
    const intro = await top('h1')
    const vendorBox = await top('aside.vendor-box')
    const ad = await top('aside.ad-slot')
    const list = await top('#topic-vendors-heading')
    assert.isTrue(intro < vendorBox, 'the box follows the introduction')
    assert.isTrue(vendorBox < ad && ad < list, 'the box and the ad come before the list')
    // Screen readers get the same order: the box is before the list in the document too.
    assert.isTrue(
      await page.locator('aside.vendor-box').evaluate((box) => {
        const heading = box.ownerDocument.querySelector('#topic-vendors-heading')!
        // Node.DOCUMENT_POSITION_FOLLOWING
        return !!(box.compareDocumentPosition(heading) & 4)
      })
    )
    assert.isAtMost(
      await page.evaluate<number>('document.documentElement.scrollWidth'),
      PHONE.width
    )

    // PLZ and city stay on one line: each pair is one line high.
    const pairs = await page
      .locator('.postal-place')
      .evaluateAll((spans) =>
        spans.map((span) => span.getClientRects().length === 1 && span.textContent)
      )
    assert.isAbove(pairs.length, 0)
    for (const pair of pairs) assert.isString(pair)

    // Profiles, search and the home page fit too; "Dokumentenmanagement" stays inside its tile.
    for (const path of [
      urlFor('vendors.show', { slug: 'seitenbau-gmbh' }),
      urlFor('search', [], { qs: { q: 'Verwaltung' } }),
      urlFor('home'),
    ]) {
      await page.goto(path)
      assert.isAtMost(await horizontalOverflow(page), 0, path)
    }
    // Phones and small tablets: from 320 px, two columns begin at about 490 px.
    const tile = page.locator('.topic-tile').filter({ hasText: 'Dokumentenmanagement' }).first()
    for (const width of [320, 375, 414, 480, 500, 520, 600]) {
      await page.setViewportSize({ width, height: PHONE.height })
      const fits = await tile.evaluate((element) => {
        const link = element.querySelector('a')!
        const range = element.ownerDocument.createRange()
        range.selectNodeContents(link)
        const text = range.getBoundingClientRect()
        const inner = element.getBoundingClientRect()
        return text.right <= inner.right && text.left >= inner.left
      })
      assert.isTrue(fits, `"Dokumentenmanagement" leaves its tile at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `home at ${width} px`)
    }
    await context.close()
  })
})
