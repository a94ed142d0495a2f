import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { TopicFactory } from '#database/factories/topic_factory'
import { createVendor } from '#tests/helpers/directory'

test.group('Sitemap and robots.txt', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the sitemap lists home, topics and published vendors only', async ({ client, assert }) => {
    await TopicFactory.merge({ slug: 'open-data', name: 'Open Data' }).create()
    await createVendor({ slug: 'oeffentlich', name: 'Öffentlich' })
    await createVendor({ slug: 'geheim', name: 'Geheim', status: 'draft' })

    const response = await client.get(urlFor('sitemap'))
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'application/xml')
    const xml = response.text()
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/)
    assert.match(
      xml,
      new RegExp(`<loc>http://[^<]+${urlFor('topics.show', { slug: 'open-data' })}</loc>`)
    )
    assert.match(
      xml,
      new RegExp(`<loc>http://[^<]+${urlFor('vendors.show', { slug: 'oeffentlich' })}</loc>`)
    )
    assert.notInclude(xml, urlFor('vendors.show', { slug: 'geheim' }))
    assert.notExists(response.header('set-cookie'))
  })

  test('robots.txt points to the sitemap and keeps crawlers out of the API', async ({ client }) => {
    const response = await client.get(urlFor('robots'))
    response.assertStatus(200)
    // The API as a prefix, as crawlers read it.
    response.assertTextIncludes('Disallow: /api/')
    response.assertTextIncludes(urlFor('sitemap'))
  })
})
