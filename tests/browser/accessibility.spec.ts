import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { auditPage, blockingViolations, formatViolations } from '#tests/helpers/axe'
import { checkHtml, formatVnuMessages } from '#tests/helpers/vnu'
import { fetchHtml } from '#tests/helpers/pages'

const PROFILE_OF = 'ekom21 – KGRZ Hessen'

/**
 * A control page with known faults, checked alongside the real ones: if a
 * checker stops reporting it, the green result for the reader pages means
 * nothing. (No alt text, an unlabelled field, low contrast, a stray </p>.)
 */
const KNOWN_BAD_PAGE = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Kontrolle</title></head>
<body><main><h1>Kontrolle</h1>
<p style="color:#bbb;background:#fff">Kaum lesbar</p>
<img src="/favicon.ico"><form><input type="text" name="q"></form>
<div></p></div></main></body></html>`

/**
 * The reader pages under check. The profile's URL is taken from the
 * search results rather than guessed from a slug rule.
 */
async function readerPages() {
  const searchPath = urlFor('search', [], { qs: { q: 'Giessen' } })
  const searchHtml = await fetchHtml(searchPath)
  const link = [
    ...searchHtml.matchAll(/<a\b[^>]*href="([^"]*\/vendors\/[^"]+)"[^>]*>([\s\S]*?)<\/a>/g),
  ]
    .map(([, href, text]) => ({
      href: href.replace(/&amp;/g, '&'),
      text: text.replace(/<[^>]+>/g, ''),
    }))
    .find(({ text }) => text.replace(/\s+/g, ' ').trim() === PROFILE_OF)
  if (!link) throw new Error(`No link to "${PROFILE_OF}" in ${searchPath}`)

  return {
    home: urlFor('home'),
    topic: urlFor('topics.show', { slug: 'social-media' }),
    profile: link.href,
    search: searchPath,
  }
}

test.group('Accessibility and valid HTML', () => {
  test('axe-core finds no serious or critical violations on the reader pages', async ({
    visit,
    assert,
  }) => {
    const control = await visit('about:blank')
    await control.setContent(KNOWN_BAD_PAGE)
    const caught = blockingViolations(await auditPage(control)).map((v) => v.id)
    assert.includeMembers(
      caught,
      ['image-alt', 'label', 'color-contrast'],
      'axe on the control page'
    )

    const failures: string[] = []
    for (const [name, path] of Object.entries(await readerPages())) {
      const page = await visit(path)
      const violations = await auditPage(page)
      const blocking = blockingViolations(violations)
      if (blocking.length) failures.push(`${name} (${path}):\n${formatViolations(blocking)}`)
      await page.close()
    }
    assert.deepEqual(failures, [], `axe-core violations:\n${failures.join('\n')}`)
  })

  test('the Nu HTML checker finds no errors in the reader pages', async ({ assert }) => {
    const html: Record<string, string> = { control: KNOWN_BAD_PAGE }
    for (const [name, path] of Object.entries(await readerPages())) {
      html[`${name} (${path})`] = await fetchHtml(path)
    }
    const messages = await checkHtml(html) // one JVM start for all pages

    assert.isNotEmpty(
      messages.filter((m) => m.page === 'control'),
      'the Nu HTML checker reports the control page'
    )
    const errors = messages.filter((m) => m.page !== 'control')
    assert.lengthOf(errors, 0, `Nu HTML checker errors:\n${formatVnuMessages(errors)}`)
  })
})
