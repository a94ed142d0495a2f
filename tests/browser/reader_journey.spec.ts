import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { baseUrl, squash } from '#tests/helpers/pages'

/** The portal's seed vendors, with "PLZ City" exactly as the portal shows them. */
const SEED_VENDORS: Record<string, string> = {
  'brain-SCC GmbH': '06217 Merseburg',
  'SEITENBAU GmbH': '78467 Konstanz',
  'TSA Public Service GmbH': '06108 Halle (Saale)',
  'ekom21 – KGRZ Hessen': '35398 Gießen',
}

/** Enough reloads to see every vendor of a rotating box of 4. */
const MAX_RELOADS = 40

type BoxItem = { name: string; place: string; href: string }

async function readVendorBox(page: Page): Promise<BoxItem[]> {
  const items = page.locator('aside.vendor-box li.vendor-box__item')
  const result: BoxItem[] = []
  for (const item of await items.all()) {
    const link = item.locator('a').first()
    result.push({
      name: squash(await link.textContent()),
      href: (await link.getAttribute('href')) ?? '',
      place: squash(await item.locator('.vendor-box__place').textContent()),
    })
  }
  return result
}

/** Same-origin requests that fail (missing CSS, broken links) and script errors. */
function watchForBreakage(page: Page) {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`))
  const origin = new URL(baseUrl()).origin
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (url.origin === origin && response.status() >= 400) {
      problems.push(`${response.status()} ${url.pathname}${url.search}`)
    }
  })
  return problems
}

test.group('Reader journey', () => {
  test('a reader browses Social Media, opens a profile and searches "Giessen"', async ({
    visit,
    assert,
  }) => {
    const page = await visit(urlFor('home'))
    const problems = watchForBreakage(page)

    // Home: the topic grid leads to Social Media.
    await page.locator('ul.topic-grid').getByRole('link', { name: 'Social Media' }).click()
    await page.waitForURL(`**${urlFor('topics.show', { slug: 'social-media' })}`)
    assert.equal(squash(await page.locator('h1').textContent()), 'Social Media')
    assert.equal(
      squash(await page.locator('aside.vendor-box').getByRole('heading').first().textContent()),
      'Ausgewählte Anbieter aus dem Bereich Social Media'
    )
    assert.include(squash(await page.locator('aside.ad-slot').textContent()), 'Anzeige')

    // The box rotates: across reloads every seed vendor shows up with its PLZ and city.
    const placesSeen = new Map<string, Set<string>>()
    const boxesSeen = new Set<string>()
    let views = 0
    for (let view = 1; view <= MAX_RELOADS; view++) {
      views = view
      if (view > 1) await page.reload()
      const box = await readVendorBox(page)
      const names = box.map((item) => item.name)

      assert.isAtLeast(box.length, 1, `view ${view}: the vendor box is empty`)
      assert.isAtMost(box.length, 4, `view ${view}: more than 4 vendors: ${names.join(', ')}`)
      assert.lengthOf(new Set(names), names.length, `view ${view}: duplicate: ${names.join(', ')}`)
      for (const item of box) {
        // A pattern: a profile link is a bare slug path; a paid place (the demo
        // books one) links through the counted click redirect instead.
        assert.match(
          item.href,
          /\/vendors\/[a-z0-9-]+(\?|$)|\/c\/[\w.-]+$/,
          `${item.name} links to ${item.href}`
        )
        assert.match(item.place, /^\d{5} \S/, `${item.name} shows "${item.place}", not "PLZ City"`)
        if (!placesSeen.has(item.name)) placesSeen.set(item.name, new Set())
        placesSeen.get(item.name)!.add(item.place)
      }
      boxesSeen.add([...names].sort().join('|'))

      const allSeedsSeen = Object.keys(SEED_VENDORS).every((name) => placesSeen.has(name))
      if (allSeedsSeen && boxesSeen.size > 1) break
    }

    for (const [name, place] of Object.entries(SEED_VENDORS)) {
      assert.deepEqual(
        [...(placesSeen.get(name) ?? [])],
        [place],
        `${name} in the box after ${views} views (seen: ${[...placesSeen.keys()].join(', ')})`
      )
    }
    assert.isAbove(boxesSeen.size, 1, 'the box showed the same vendors on every view')

    // A profile: its heading is the vendor's name, and it carries Organization JSON-LD.
    const [first] = await readVendorBox(page)
    await page.locator('aside.vendor-box li.vendor-box__item a').first().click()
    // A pattern: the box rotates, so which profile opens is not known here.
    await page.waitForURL('**/vendors/**')
    assert.equal(squash(await page.locator('h1').textContent()), first.name)
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}'
    )
    assert.equal(jsonLd['@type'], 'Organization')
    assert.equal(jsonLd.name, first.name)

    // Search with the form, in the spelling a reader without ß types.
    await page.goto(urlFor('home'))
    const form = page.locator('form[role=search]').first()
    await form.locator('input[name=q]').fill('Giessen')
    await form.locator('input[name=q]').press('Enter')
    await page.waitForURL(
      (url) => url.pathname === urlFor('search') && url.searchParams.get('q') === 'Giessen'
    )
    const hit = page
      .locator('ol.search-results li')
      .getByRole('link', { name: 'ekom21 – KGRZ Hessen' })
      .first()
    assert.equal(await hit.count(), 1, 'ekom21 – KGRZ Hessen is among the results for "Giessen"')
    await hit.click()
    // A pattern: the profile's address is followed, not guessed from a slug rule.
    await page.waitForURL('**/vendors/**')
    assert.equal(squash(await page.locator('h1').textContent()), 'ekom21 – KGRZ Hessen')

    assert.deepEqual(problems, [], 'failed requests or script errors during the journey')
  })
})
