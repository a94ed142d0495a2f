import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { DateTime } from 'luxon'
import { TopicFactory } from '#database/factories/topic_factory'
import { createVendor } from '#tests/helpers/directory'
import { createNews } from '#tests/helpers/news'

async function fixture() {
  const social = await TopicFactory.merge({ slug: 'social-media', name: 'Social Media' }).create()
  const open = await TopicFactory.merge({ slug: 'open-data', name: 'Open Data' }).create()
  await createNews(
    {
      slug: 'hanau',
      kicker: 'Hanau:',
      title: 'Keine Kommunikation mehr via X',
      publishedOn: DateTime.fromISO('2023-11-27'),
      body: 'Text **fett**.',
      sourceLinks: [{ title: 'hanau.de', url: 'https://www.hanau.de/' }],
      imageCredit: 'Stadt',
    },
    [social, open],
    ['Social Media', 'X']
  )
  await createNews(
    { slug: 'dresden', title: 'Threads', publishedOn: DateTime.fromISO('2024-02-06') },
    [social],
    ['Social Media']
  )
  await createNews(
    { slug: 'daten', title: 'Offene Daten', publishedOn: DateTime.fromISO('2024-03-01') },
    [open]
  )
  await createNews({ slug: 'entwurf', status: 'draft' }, [social], ['Social Media'])
}

test.group('News / API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('GET /api/v1/news lists published items newest first with meta, and no cookie', async ({
    client,
    assert,
  }) => {
    await fixture()
    const response = await client.get(urlFor('api.v1.news.index'))
    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const body = response.body()
    assert.deepEqual(
      body.data.map((item: { slug: string }) => item.slug),
      ['daten', 'dresden', 'hanau']
    )
    assert.deepEqual(body.meta, { total: 3, page: 1, perPage: 20 })
    assert.deepEqual(body.data[2], {
      slug: 'hanau',
      kicker: 'Hanau:',
      title: 'Keine Kommunikation mehr via X',
      teaser: body.data[2].teaser,
      publishedOn: '2023-11-27',
      topics: [
        { slug: 'social-media', name: 'Social Media' },
        { slug: 'open-data', name: 'Open Data' },
      ],
      keywords: [
        { slug: 'social-media', name: 'Social Media' },
        { slug: 'x', name: 'X' },
      ],
    })
  })

  test('filters by topic and keyword; unknown filters give an empty list', async ({
    client,
    assert,
  }) => {
    await fixture()
    const slugs = async (qs: Record<string, string>) => {
      const response = await client.get(urlFor('api.v1.news.index', {}, { qs }))
      response.assertStatus(200)
      return response.body().data.map((item: { slug: string }) => item.slug)
    }
    assert.deepEqual(await slugs({ topic: 'social-media' }), ['dresden', 'hanau'])
    assert.deepEqual(await slugs({ topic: 'open-data' }), ['daten', 'hanau'])
    assert.deepEqual(await slugs({ keyword: 'x' }), ['hanau'])
    assert.deepEqual(await slugs({ topic: 'open-data', keyword: 'social-media' }), ['hanau'])
    assert.deepEqual(await slugs({ topic: 'gibt-es-nicht' }), [])
    assert.deepEqual(await slugs({ keyword: 'gibt-es-nicht' }), [])
    assert.deepEqual(await slugs({ page: '2' }), [])
  })

  test('an invalid page is 422 with a message per field', async ({ client, assert }) => {
    const response = await client.get(urlFor('api.v1.news.index', {}, { qs: { page: 'abc' } }))
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'page')
    assert.isString(response.body().errors[0].message)
  })

  test('GET /api/v1/news/:slug gives the item with keywords, topics and sanitized HTML', async ({
    client,
    assert,
  }) => {
    await fixture()
    const response = await client.get(urlFor('api.v1.news.show', { slug: 'hanau' }))
    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const data = response.body().data
    assert.equal(data.title, 'Keine Kommunikation mehr via X')
    assert.equal(data.body, 'Text **fett**.')
    assert.equal(data.bodyHtml, '<p>Text <strong>fett</strong>.</p>\n')
    assert.deepEqual(data.sourceLinks, [{ title: 'hanau.de', url: 'https://www.hanau.de/' }])
    assert.equal(data.imageCredit, 'Stadt')
    assert.deepEqual(
      data.topics.map((topic: { slug: string }) => topic.slug),
      ['social-media', 'open-data']
    )
    assert.deepEqual(
      data.keywords.map((keyword: { slug: string }) => keyword.slug),
      ['social-media', 'x']
    )
    assert.isNull(data.vendor)
  })

  test('a press release names its vendor; drafts and unknown slugs are 404', async ({
    client,
    assert,
  }) => {
    const topic = await TopicFactory.create()
    const vendor = await createVendor({ slug: 'datenwerk', name: 'Datenwerk GmbH' }, [topic])
    await createNews({ slug: 'anbieter', vendorId: vendor.id }, [topic])
    await createNews({ slug: 'wartet', status: 'pending', vendorId: vendor.id }, [topic])

    const release = await client.get(urlFor('api.v1.news.show', { slug: 'anbieter' }))
    release.assertStatus(200)
    assert.deepEqual(release.body().data.vendor, { slug: 'datenwerk', name: 'Datenwerk GmbH' })

    for (const slug of ['wartet', 'gibt-es-nicht']) {
      const response = await client.get(urlFor('api.v1.news.show', { slug }))
      response.assertStatus(404)
    }
  })
})
