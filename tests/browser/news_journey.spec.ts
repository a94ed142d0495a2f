import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { DEMO_SEED_NEWS_SLUG, demoNews } from '#database/data/demo_news'
import { auditPage, blockingViolations, formatViolations } from '#tests/helpers/axe'
import { checkHtml, formatVnuMessages } from '#tests/helpers/vnu'
import { baseUrl, fetchHtml, squash } from '#tests/helpers/pages'

/** The five items the seed page lists under its item, as "Kicker Title". */
const FIVE_MORE = demoNews
  .filter((item) => item.slug !== DEMO_SEED_NEWS_SLUG)
  .map((item) => `${item.kicker} ${item.title}`)

function newsPages() {
  return {
    news: urlFor('news.show', { slug: DEMO_SEED_NEWS_SLUG }),
    keyword: urlFor('keywords.show', { slug: 'social-media' }),
    topicNews: urlFor('topics.news', { slug: 'social-media' }),
  }
}

test.group('News journey', () => {
  test('a reader opens the seed item, sees keywords, more news, vendor box and ad, then prints it', async ({
    visit,
    assert,
  }) => {
    const page = await visit(urlFor('news.show', { slug: DEMO_SEED_NEWS_SLUG }))
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`))
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (url.origin === new URL(baseUrl()).origin && response.status() >= 400) {
        problems.push(`${response.status()} ${url.pathname}`)
      }
    })
    await page.reload()

    assert.equal(
      squash(await page.locator('h1').textContent()),
      'Social Media: Kommunen unzureichend vorbereitet?'
    )
    assert.include(squash(await page.locator('.news-item__teaser').textContent()), '[9.3.2012]')

    const keywords = page.locator('.news-item__keywords a')
    const keywordTexts = await keywords.allTextContents()
    assert.deepEqual(keywordTexts.map(squash), [
      'Social Media',
      'Deutscher Städte- und Gemeindebund (DStGB)',
      'komba gewerkschaft',
    ])
    assert.equal(squash(await page.locator('.news-item__credit').textContent()), 'Bildquelle: PEAK')

    const more = page.locator('section.news-more')
    assert.equal(
      squash(await more.getByRole('heading').first().textContent()),
      'Weitere Meldungen und Beiträge aus dem Bereich Social Media'
    )
    const moreTexts = await more.locator('.news-list__title a').allTextContents()
    assert.deepEqual(moreTexts.map(squash), FIVE_MORE)
    assert.include(squash(await more.locator('.news-more__all a').textContent()), 'mehr…')

    // The topic's placement: four vendors in the box, and the ad slot.
    assert.equal(
      squash(await page.locator('aside.vendor-box').getByRole('heading').first().textContent()),
      'Ausgewählte Anbieter aus dem Bereich Social Media'
    )
    assert.lengthOf(await page.locator('aside.vendor-box li.vendor-box__item').all(), 4)
    assert.equal(
      squash(await page.locator('aside.ad-slot .ad-slot__label').textContent()),
      'Anzeige'
    )
    assert.isTrue(await page.getByRole('search').isVisible())

    const mail = await page.getByRole('link', { name: 'Link mailen' }).getAttribute('href')
    assert.match(mail ?? '', /^mailto:\?subject=Social%20Media%3A%20Kommunen/)

    // A keyword leads to its page.
    await keywords.filter({ hasText: 'komba gewerkschaft' }).click()
    await page.waitForURL(`**${urlFor('keywords.show', { slug: 'komba-gewerkschaft' })}`)
    assert.equal(squash(await page.locator('h1').textContent()), 'Stichwort: komba gewerkschaft')
    await page.goBack()

    // The print version: the item, no placements.
    await page.getByRole('link', { name: 'Druckversion' }).click()
    await page.waitForURL(`**${urlFor('news.print', { slug: DEMO_SEED_NEWS_SLUG })}`)
    assert.equal(
      squash(await page.locator('h1').textContent()),
      'Social Media: Kommunen unzureichend vorbereitet?'
    )
    assert.lengthOf(await page.locator('aside.vendor-box').all(), 0)
    assert.lengthOf(await page.locator('aside.ad-slot').all(), 0)
    assert.lengthOf(await page.locator('section.news-more').all(), 0)

    // "mehr…" on the topic page leads to the whole list.
    await page.goto(new URL(urlFor('topics.show', { slug: 'social-media' }), baseUrl()).href)
    await page.locator('.news-more__all a').click()
    await page.waitForURL(`**${urlFor('topics.news', { slug: 'social-media' })}`)
    const listTexts = await page.locator('.news-list__title a').allTextContents()
    assert.includeMembers(listTexts.map(squash), [
      ...FIVE_MORE,
      'Social Media: Kommunen unzureichend vorbereitet?',
    ])
    assert.deepEqual(problems, [])
  })

  test('axe-core finds no serious or critical violations on the news pages', async ({
    visit,
    assert,
  }) => {
    const failures: string[] = []
    for (const [name, path] of Object.entries(newsPages())) {
      const page = await visit(path)
      const blocking = blockingViolations(await auditPage(page))
      if (blocking.length) failures.push(`${name} (${path}):\n${formatViolations(blocking)}`)
      await page.close()
    }
    assert.deepEqual(failures, [], `axe-core violations:\n${failures.join('\n')}`)
  })

  test('the Nu HTML checker finds no errors in the news pages', async ({ assert }) => {
    const html: Record<string, string> = {}
    for (const [name, path] of Object.entries(newsPages())) {
      html[`${name} (${path})`] = await fetchHtml(path)
    }
    const messages = await checkHtml(html)
    assert.isNotEmpty(Object.keys(html))
    assert.lengthOf(messages, 0, `Nu HTML checker errors:\n${formatVnuMessages(messages)}`)
  })
})
