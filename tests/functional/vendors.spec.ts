import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type Vendor from '#models/vendor'
import { TopicFactory } from '#database/factories/topic_factory'
import { createVendor } from '#tests/helpers/directory'

async function vendor(overrides: Partial<Vendor> = {}) {
  const topic = await TopicFactory.merge({ slug: 'social-media', name: 'Social Media' }).create()
  return createVendor(
    {
      slug: 'seitenbau-gmbh',
      name: 'SEITENBAU GmbH',
      street: 'Beispielstraße 1',
      postalCode: '78467',
      city: 'Konstanz',
      state: 'Baden-Württemberg',
      country: 'DE',
      phone: '+49 7531 0000',
      email: 'info@example.com',
      website: 'https://www.example.com',
      description: '## Leistungen\n\nWir bauen **Portale**.',
      ...overrides,
    },
    [topic]
  )
}

test.group('Vendor profile', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows the whole profile with linked topics and rendered Markdown', async ({
    client,
    assert,
  }) => {
    await vendor()
    const response = await client.get(urlFor('vendors.show', { slug: 'seitenbau-gmbh' }))

    response.assertStatus(200)
    response.assertTextIncludes('<h1>SEITENBAU GmbH</h1>')
    response.assertTextIncludes('Beispielstraße 1')
    response.assertTextIncludes('78467 Konstanz')
    response.assertTextIncludes('Baden-Württemberg')
    response.assertTextIncludes('href="mailto:info@example.com"')
    // The website link goes through the click redirect (it counts as a website click).
    assert.match(
      response.text(),
      /<a href="\/c\/[^"]+" rel="nofollow noopener">www\.example\.com<\/a>/
    )
    response.assertTextIncludes('<strong>Portale</strong>')
    response.assertTextIncludes(`href="${urlFor('topics.show', { slug: 'social-media' })}"`)
  })

  test('embeds schema.org Organization JSON-LD with a PostalAddress', async ({
    client,
    assert,
  }) => {
    await vendor()
    const response = await client.get(urlFor('vendors.show', { slug: 'seitenbau-gmbh' }))
    const html = response.text()
    const json = html.match(/<script type="application\/ld\+json">([^<]+)<\/script>/)![1]
    const data = JSON.parse(json)
    assert.equal(data['@type'], 'Organization')
    assert.equal(data.name, 'SEITENBAU GmbH')
    assert.deepInclude(data.address, {
      '@type': 'PostalAddress',
      'postalCode': '78467',
      'addressLocality': 'Konstanz',
      'addressCountry': 'DE',
    })
  })

  test('neutralises script, event handlers and javascript: links', async ({ client, assert }) => {
    await vendor({
      name: 'Böse <script>alert(1)</script> GmbH',
      website: 'javascript:alert(1)',
      description:
        '<script>alert(2)</script><img src=x onerror=alert(3)>\n\n[klick](javascript:alert(4))\n\n<svg onload=alert(5)></svg>',
    })
    const response = await client.get(urlFor('vendors.show', { slug: 'seitenbau-gmbh' }))
    const html = response.text()
    assert.notInclude(html, '<script>alert')
    assert.notInclude(html, 'onerror')
    assert.notMatch(html, /href\s*=\s*["']?\s*javascript:/i)
    assert.include(html, '>klick</a>')
    assert.notInclude(html, '<svg')
    assert.include(html, 'Böse &lt;script&gt;alert(1)&lt;/script&gt; GmbH')
    // The JSON-LD block cannot be closed from inside.
    const jsonLd = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]
    assert.notInclude(jsonLd, '<')
  })

  test('answers 404 for unpublished and unknown vendors', async ({ client }) => {
    await vendor({ status: 'pending' })
    const pending = await client.get(urlFor('vendors.show', { slug: 'seitenbau-gmbh' }))
    pending.assertStatus(404)
    pending.assertTextIncludes('Seite nicht gefunden')

    const unknown = await client.get(
      urlFor('vendors.show', { slug: 'gibt-es-nicht' }, { qs: { lang: 'en' } })
    )
    unknown.assertStatus(404)
    unknown.assertTextIncludes('Page not found')
  })
})
