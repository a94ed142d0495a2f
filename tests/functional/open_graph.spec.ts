import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { TopicFactory } from '#database/factories/topic_factory'
import { absoluteUrl } from '#services/mail/app_url'
import { createVendor } from '#tests/helpers/directory'

/** The content of each `<meta property="og:…">` of a page, by property. */
function openGraph(html: string): Record<string, string> {
  const tags: Record<string, string> = {}
  for (const match of html.matchAll(/<meta property="(og:[a-z:_]+)" content="([^"]*)">/g)) {
    tags[match[1]] = match[2]
  }
  return tags
}

test.group('Open Graph', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a vendor profile shares its name, description, URL and logo', async ({
    client,
    assert,
  }) => {
    await createVendor({
      slug: 'datenwerk',
      name: 'Datenwerk & Söhne',
      city: 'Halle (Saale)',
      logoPath: 'logos/1-abcdef.png',
    })
    const response = await client.get(urlFor('vendors.show', { slug: 'datenwerk' }))
    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))

    const og = openGraph(response.text())
    assert.equal(og['og:type'], 'website')
    assert.equal(og['og:title'], 'Datenwerk &amp; Söhne')
    assert.equal(
      og['og:description'],
      'Datenwerk &amp; Söhne in Halle (Saale): Profil, Kontakt und Themen im Anbieterverzeichnis.'
    )
    assert.equal(og['og:url'], absoluteUrl('/vendors/datenwerk'))
    assert.equal(og['og:image'], absoluteUrl('/uploads/logos/1-abcdef.png'))
    assert.equal(og['og:image:alt'], 'Logo von Datenwerk &amp; Söhne')
  })

  test('without a logo, a profile shows the site image, which exists', async ({
    client,
    assert,
  }) => {
    await createVendor({ slug: 'ohne-logo', name: 'Ohne Logo', logoPath: null })
    const response = await client.get(urlFor('vendors.show', { slug: 'ohne-logo' }))
    const og = openGraph(response.text())
    assert.equal(og['og:image'], absoluteUrl('/images/share.png'))
    assert.equal(og['og:image:alt'], 'Anbieterverzeichnis: Anbieter nach Thema und Region finden')
    assert.equal(og['og:image:width'], '1200')

    const image = await client.get('/images/share.png')
    image.assertStatus(200)
    assert.equal(image.header('content-type'), 'image/png')
  })

  test('a topic page shares its name and description, in English when asked', async ({
    client,
    assert,
  }) => {
    await TopicFactory.merge({ slug: 'open-data', name: 'Open Data', description: '' }).create()
    const response = await client.get(
      urlFor('topics.show', { slug: 'open-data' }, { qs: { lang: 'en' } })
    )
    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))

    const og = openGraph(response.text())
    assert.equal(og['og:title'], 'Open Data')
    assert.equal(og['og:description'], 'Vendors for Open Data in the vendor directory.')
    assert.equal(og['og:url'], absoluteUrl('/topics/open-data'))
    assert.equal(og['og:locale'], 'en_GB')
    assert.equal(og['og:image'], absoluteUrl('/images/share.png'))
    assert.equal(og['og:image:alt'], 'Vendor directory: find vendors by topic and region')
  })
})
