import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { TopicFactory } from '#database/factories/topic_factory'
import { createVendor } from '#tests/helpers/directory'

test.group('Sitemap and robots.txt', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the sitemap lists home, topics and published vendors only', async ({ client, assert }) => {
    await TopicFactory.merge({ slug: 'open-data', name: 'Open Data' }).create()
    await createVendor({ slug: 'oeffentlich', name: 'Öffentlich' })
    await createVendor({ slug: 'geheim', name: 'Geheim', status: 'draft' })

    const response = await client.get('/sitemap.xml')
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'application/xml')
    const xml = response.text()
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/)
    assert.match(xml, /<loc>http:\/\/[^<]+\/topics\/open-data<\/loc>/)
    assert.match(xml, /<loc>http:\/\/[^<]+\/vendors\/oeffentlich<\/loc>/)
    assert.notInclude(xml, '/vendors/geheim')
    assert.notExists(response.header('set-cookie'))
  })

  test('robots.txt points to the sitemap and keeps crawlers out of the API', async ({ client }) => {
    const response = await client.get('/robots.txt')
    response.assertStatus(200)
    response.assertTextIncludes('Disallow: /api/')
    response.assertTextIncludes('/sitemap.xml')
  })
})
