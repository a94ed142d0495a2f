import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { TopicFactory } from '#database/factories/topic_factory'

test.group('Home page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists the topics with their vendor counts, in German by default', async ({
    client,
    assert,
  }) => {
    await TopicFactory.merge([
      { slug: 'social-media', name: 'Social Media', position: 2 },
      { slug: 'e-government', name: 'E-Government', position: 1 },
    ]).createMany(2)

    const response = await client.get(urlFor('home'))

    response.assertStatus(200)
    response.assertTextIncludes('<html lang="de">')
    response.assertTextIncludes('Social Media')
    response.assertTextIncludes('keine Anbieter')
    const text = response.text()
    // Editorial order: position first, whatever the names say.
    assert.isBelow(text.indexOf('E-Government'), text.indexOf('Social Media'))
    assert.notExists(response.header('set-cookie'))
  })
})
