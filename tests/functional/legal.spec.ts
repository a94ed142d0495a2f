import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'

test.group('Legal pages', () => {
  test('{name} shows the placeholder text, which says it must be replaced')
    .with([
      { name: 'the Impressum', route: 'legal.imprint', heading: 'Impressum' },
      { name: 'the privacy page', route: 'legal.privacy', heading: 'Datenschutzerklärung' },
    ] as const)
    .run(async ({ client, assert }, { route, heading }) => {
      const response = await client.get(urlFor(route))
      response.assertStatus(200)
      response.assertTextIncludes(`<h1>${heading}</h1>`)
      response.assertTextIncludes('<strong>Platzhalter – bitte ersetzen.</strong>')
      assert.notExists(response.header('set-cookie'))
    })

  test('every page links to both from its footer', async ({ client, assert }) => {
    for (const url of [urlFor('home'), urlFor('search'), urlFor('auth.login'), '/no-such-page']) {
      const response = await client.get(url)
      const footer = response.text().split('<footer')[1] ?? ''
      assert.include(footer, `href="${urlFor('legal.imprint')}"`, url)
      assert.include(footer, `href="${urlFor('legal.privacy')}"`, url)
    }
    const english = await client.get(urlFor('home', {}, { qs: { lang: 'en' } }))
    english.assertTextIncludes(`href="${urlFor('legal.privacy')}?lang=en">Privacy policy</a>`)
  })

  test("the text comes from the operator's folder (LEGAL_DIR), sanitized, English where given", async ({
    client,
    assert,
  }) => {
    const dir = await mkdtemp(join(tmpdir(), 'legal-'))
    await mkdir(join(dir, 'de'))
    await mkdir(join(dir, 'en'))
    await writeFile(
      join(dir, 'de', 'impressum.md'),
      '# Muster GmbH\n\nMusterweg 1, 06108 Halle\n\n<script>alert(1)</script><a href="javascript:alert(1)">x</a>'
    )
    await writeFile(join(dir, 'en', 'impressum.md'), 'Muster Ltd, in English')
    await writeFile(join(dir, 'de', 'datenschutz.md'), 'Nur auf Deutsch.')
    const original = env.get('LEGAL_DIR')
    env.set('LEGAL_DIR', dir)
    try {
      const german = await client.get(urlFor('legal.imprint'))
      german.assertStatus(200)
      german.assertTextIncludes('<h2>Muster GmbH</h2>')
      german.assertTextIncludes('Musterweg 1, 06108 Halle')
      assert.notInclude(german.text(), 'alert(1)')
      assert.notInclude(german.text(), 'Platzhalter')

      const english = await client.get(urlFor('legal.imprint', {}, { qs: { lang: 'en' } }))
      english.assertTextIncludes('<h1>Legal notice (Impressum)</h1>')
      english.assertTextIncludes('Muster Ltd, in English')

      // No English privacy text: the German one stands in.
      const privacy = await client.get(urlFor('legal.privacy', {}, { qs: { lang: 'en' } }))
      privacy.assertStatus(200)
      privacy.assertTextIncludes('Nur auf Deutsch.')
    } finally {
      env.set('LEGAL_DIR', original as string)
      if (original === undefined) delete process.env.LEGAL_DIR
      await rm(dir, { recursive: true, force: true })
    }
  })
})
