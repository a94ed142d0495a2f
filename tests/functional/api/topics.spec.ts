import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Topic from '#models/topic'
import Vendor from '#models/vendor'

test.group('API: topics', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('GET /api/v1/topics lists topics with published vendor counts', async ({ client }) => {
    const social = await Topic.create({
      slug: 'social-media',
      name: 'Social Media',
      description: '',
      position: 1,
    })
    await Topic.create({ slug: 'breitband', name: 'Breitband', description: '', position: 2 })
    const base = {
      postalCode: '06217',
      city: 'Merseburg',
      country: 'DE',
      description: '',
      searchText: '',
    }
    const live = await Vendor.create({ ...base, slug: 'a', name: 'A', status: 'published' })
    const draft = await Vendor.create({ ...base, slug: 'b', name: 'B', status: 'draft' })
    await social.related('vendors').attach([live.id, draft.id])

    const response = await client.get(urlFor('api.v1.topics.index'))
    response.assertStatus(200)
    response.assertBody({
      data: [
        { slug: 'social-media', name: 'Social Media', vendorCount: 1 },
        { slug: 'breitband', name: 'Breitband', vendorCount: 0 },
      ],
    })
    response.assertHeader('content-type', 'application/json; charset=utf-8')
  })

  test('GET /api/v1/topics/:slug returns the topic with its box, rotating', async ({
    client,
    assert,
  }) => {
    const topic = await Topic.create({
      slug: 'social-media',
      name: 'Social Media',
      description: 'SM',
      position: 1,
    })
    for (let i = 1; i <= 6; i++) {
      const vendor = await Vendor.create({
        slug: `v${i}`,
        name: `V${i}`,
        postalCode: '06108',
        city: 'Halle (Saale)',
        country: 'DE',
        description: '',
        status: 'published',
        searchText: '',
      })
      await vendor.related('topics').attach([topic.id])
    }

    const first = await client.get(urlFor('api.v1.topics.show', { slug: 'social-media' }))
    first.assertStatus(200)
    const body = first.body()
    assert.equal(body.data.slug, 'social-media')
    assert.equal(body.data.name, 'Social Media')
    assert.lengthOf(body.data.vendors, 4)
    assert.deepEqual(Object.keys(body.data.vendors[0]).sort(), [
      'city',
      'name',
      'paid',
      'postalCode',
      'slug',
      'url',
    ])
    assert.equal(body.data.vendors[0].city, 'Halle (Saale)')
    assert.isNull(body.data.ad)

    const second = await client.get(urlFor('api.v1.topics.show', { slug: 'social-media' }))
    assert.notDeepEqual(
      second.body().data.vendors.map((v: { slug: string }) => v.slug),
      body.data.vendors.map((v: { slug: string }) => v.slug)
    )
    assert.notExists(second.header('set-cookie'))
  })

  test('unknown topic: 404 in the API error shape', async ({ client }) => {
    const response = await client.get(urlFor('api.v1.topics.show', { slug: 'nope' }))
    response.assertStatus(404)
    response.assertBody({ errors: [{ field: null, message: 'Seite nicht gefunden' }] })
  })
})
