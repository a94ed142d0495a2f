import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { auditPage, blockingViolations, formatViolations } from '#tests/helpers/axe'
import { checkHtml, formatVnuMessages } from '#tests/helpers/vnu'
import { fetchHtml } from '#tests/helpers/pages'

/** The legal pages, German and English, and a vendor profile with its Open Graph tags. */
function pages() {
  return {
    'imprint': urlFor('legal.imprint'),
    'privacy': urlFor('legal.privacy'),
    'imprint (en)': urlFor('legal.imprint', {}, { qs: { lang: 'en' } }),
    'topic': urlFor('topics.show', { slug: 'social-media' }),
  }
}

test.group('Legal pages: accessibility and valid HTML', () => {
  test('a reader follows the footer link to the Impressum, and axe finds nothing blocking', async ({
    visit,
    assert,
  }) => {
    const home = await visit(urlFor('home'))
    await Promise.all([
      home.waitForURL((url) => url.pathname === urlFor('legal.imprint')),
      home
        .getByRole('navigation', { name: 'Rechtliches' })
        .getByRole('link', { name: 'Impressum' })
        .click(),
    ])
    assert.equal(await home.getByRole('heading', { level: 1 }).textContent(), 'Impressum')
    // Not closed mid-load: see account_pages.spec.ts.
    await home.waitForLoadState('load')
    await home.close()

    const failures: string[] = []
    for (const [name, path] of Object.entries(pages())) {
      const page = await visit(path)
      const blocking = blockingViolations(await auditPage(page))
      if (blocking.length) failures.push(`${name} (${path}):\n${formatViolations(blocking)}`)
      await page.close()
    }
    assert.deepEqual(failures, [], `axe-core violations:\n${failures.join('\n')}`)
  })

  test('the Nu HTML checker finds no errors in them', async ({ assert }) => {
    const html: Record<string, string> = {}
    for (const [name, path] of Object.entries(pages())) {
      html[`${name} (${path})`] = await fetchHtml(path)
    }
    const messages = await checkHtml(html)
    assert.lengthOf(messages, 0, `Nu HTML checker errors:\n${formatVnuMessages(messages)}`)
  })
})
