import { test } from '@japa/runner'
import { auditPage, blockingViolations, formatViolations } from '#tests/helpers/axe'
import { checkHtml, formatVnuMessages } from '#tests/helpers/vnu'
import { fetchHtml } from '#tests/helpers/pages'

const PROFILE_OF = 'ekom21 – KGRZ Hessen'

/**
 * The reader pages under check. The profile's URL is taken from the
 * search results rather than guessed from a slug rule.
 */
async function readerPages() {
  const searchPath = '/search?q=Giessen'
  const searchHtml = await fetchHtml(searchPath)
  const link = [...searchHtml.matchAll(/<a\b[^>]*href="([^"]*\/vendors\/[^"]+)"[^>]*>([\s\S]*?)<\/a>/g)]
    .map(([, href, text]) => ({ href: href.replace(/&amp;/g, '&'), text: text.replace(/<[^>]+>/g, '') }))
    .find(({ text }) => text.replace(/\s+/g, ' ').trim() === PROFILE_OF)
  if (!link) throw new Error(`No link to "${PROFILE_OF}" in ${searchPath}`)

  return {
    'home': '/',
    'topic': '/topics/social-media',
    'profile': link.href,
    'search': searchPath,
  }
}

test.group('Accessibility and valid HTML', () => {
  test('axe-core finds no serious or critical violations on the reader pages', async ({
    visit,
    assert,
  }) => {
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
    const html: Record<string, string> = {}
    for (const [name, path] of Object.entries(await readerPages())) {
      html[`${name} (${path})`] = await fetchHtml(path)
    }
    const messages = await checkHtml(html)
    assert.lengthOf(messages, 0, `Nu HTML checker errors:\n${formatVnuMessages(messages)}`)
  })
})
