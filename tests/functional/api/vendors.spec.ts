import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { haversineKm } from '#services/geo/distance'
import { createVendor } from '#tests/helpers/directory'
import { createSearchFixture, POSTAL_CODES } from '#tests/helpers/search_fixture'

type Item = { slug: string; name: string; topics: string[]; distanceKm?: number }

const slugs = (body: { data: Item[] }) => body.data.map((item) => item.slug)

test.group('API: vendors index', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists published vendors by name, in the documented shape', async ({ client, assert }) => {
    await createSearchFixture()

    const response = await client.get(urlFor('api.v1.vendors.index'))

    response.assertStatus(200)
    response.assertHeader('content-type', 'application/json; charset=utf-8')
    assert.notExists(response.header('set-cookie'))
    const body = response.body()
    assert.deepEqual(body.meta, { total: 5, page: 1, perPage: 20 })
    assert.deepEqual(slugs(body), [
      'beispiel-verwaltungs-it-gmbh',
      'brain-scc-gmbh',
      'ekom21-kgrz-hessen',
      'seitenbau-gmbh',
      'tsa-public-service-gmbh',
    ])
    assert.deepEqual(body.data[1], {
      slug: 'brain-scc-gmbh',
      name: 'brain-SCC GmbH',
      postalCode: '06217',
      city: 'Merseburg',
      state: 'Sachsen-Anhalt',
      website: 'https://www.brain-scc.de',
      topics: ['social-media', 'e-government'],
    })
  })

  test('filters by topic', async ({ client, assert }) => {
    await createSearchFixture()

    const response = await client.get(
      urlFor('api.v1.vendors.index', [], { qs: { topic: 'open-data' } })
    )

    response.assertStatus(200)
    assert.deepEqual(slugs(response.body()), ['tsa-public-service-gmbh'])
    assert.equal(response.body().meta.total, 1)
  })

  test('finds vendors by folded words: {$self}')
    .with(['Giessen', 'GIESSEN', 'gießen', 'giess', 'Gebietsrechenzentrum'])
    .run(async ({ client, assert }, q) => {
      await createSearchFixture()

      const response = await client.get(urlFor('api.v1.vendors.index', [], { qs: { q } }))

      response.assertStatus(200)
      assert.deepEqual(slugs(response.body()), ['ekom21-kgrz-hessen'])
    })

  test('all words must match, in any field, topics included', async ({ client, assert }) => {
    await createSearchFixture()

    const both = await client.get(
      urlFor('api.v1.vendors.index', [], { qs: { q: 'social merseburg' } })
    )
    assert.deepEqual(slugs(both.body()), ['brain-scc-gmbh'])

    const byTopic = await client.get(
      urlFor('api.v1.vendors.index', [], { qs: { q: 'e-government' } })
    )
    assert.sameMembers(slugs(byTopic.body()), [
      'brain-scc-gmbh',
      'ekom21-kgrz-hessen',
      'beispiel-verwaltungs-it-gmbh',
    ])

    const muenchen = await client.get(urlFor('api.v1.vendors.index', [], { qs: { q: 'muenchen' } }))
    assert.deepEqual(slugs(muenchen.body()), ['beispiel-verwaltungs-it-gmbh'])
  })

  test('orders word matches by relevance', async ({ client, assert }) => {
    await createVendor({
      slug: 'aa-mentions',
      name: 'AA Beratung',
      city: 'Konstanz',
      postalCode: '78467',
      description: `Wir arbeiten bundesweit, ${'auch für Landkreise und Städte, '.repeat(20)} etwa in Gießen.`,
    })
    await createVendor({
      slug: 'zz-giessen',
      name: 'ZZ Gießen Digital',
      city: 'Gießen',
      postalCode: '35398',
      description: 'Aus Gießen für Gießen.',
    })

    const response = await client.get(urlFor('api.v1.vendors.index', [], { qs: { q: 'giessen' } }))

    response.assertStatus(200)
    // By name the mention-only vendor would come first; relevance puts it last.
    assert.deepEqual(slugs(response.body()), ['zz-giessen', 'aa-mentions'])
  })

  test('user input cannot break the full-text syntax: {$self}')
    .with([`"`, `'`, `giessen" OR "x`, 'NEAR(a b)', '*', 'a:*', '(((', '!!!'])
    .run(async ({ client, assert }, q) => {
      await createSearchFixture()
      const response = await client.get(urlFor('api.v1.vendors.index', [], { qs: { q } }))
      response.assertStatus(200)
      assert.isArray(response.body().data)
      assert.notInclude(slugs(response.body()), 'entwurf-giessen')
    })

  test('filters by PLZ prefix', async ({ client, assert }) => {
    await createSearchFixture()

    const region = await client.get(urlFor('api.v1.vendors.index', [], { qs: { plz: '06' } }))
    assert.deepEqual(slugs(region.body()), ['brain-scc-gmbh', 'tsa-public-service-gmbh'])

    const exact = await client.get(urlFor('api.v1.vendors.index', [], { qs: { plz: '061' } }))
    assert.deepEqual(slugs(exact.body()), ['tsa-public-service-gmbh'])
  })

  test('finds vendors within a radius, nearest first, with their distance', async ({
    client,
    assert,
  }) => {
    await createSearchFixture()

    const response = await client.get(
      urlFor('api.v1.vendors.index', [], { qs: { plz: '04109', radius: 50 } })
    )

    response.assertStatus(200)
    const body = response.body()
    assert.deepEqual(slugs(body), ['brain-scc-gmbh', 'tsa-public-service-gmbh'])
    assert.equal(body.meta.total, 2)
    const centre = POSTAL_CODES['04109']
    assert.equal(
      body.data[0].distanceKm,
      Math.round(haversineKm(centre, POSTAL_CODES['06217']) * 10) / 10
    )
    assert.equal(
      body.data[1].distanceKm,
      Math.round(haversineKm(centre, POSTAL_CODES['06108']) * 10) / 10
    )
    assert.isBelow(body.data[0].distanceKm, body.data[1].distanceKm)

    const wider = await client.get(
      urlFor('api.v1.vendors.index', [], {
        qs: { plz: '04109', radius: 300, q: 'social', perPage: 2, page: 2 },
      })
    )
    assert.deepEqual(wider.body().meta, { total: 3, page: 2, perPage: 2 })
    assert.deepEqual(slugs(wider.body()), ['ekom21-kgrz-hessen'])
  })

  test('a vendor at the centre is 0 km away; one beyond the radius is left out', async ({
    client,
    assert,
  }) => {
    await createSearchFixture()

    const response = await client.get(
      urlFor('api.v1.vendors.index', [], { qs: { plz: '35398', radius: 10 } })
    )

    assert.deepEqual(
      response.body().data.map((item: Item) => [item.slug, item.distanceKm]),
      [['ekom21-kgrz-hessen', 0]]
    )
  })

  test('pages through results; perPage is capped at 100', async ({ client, assert }) => {
    await createSearchFixture()

    const second = await client.get(
      urlFor('api.v1.vendors.index', [], { qs: { perPage: 2, page: 2 } })
    )
    assert.deepEqual(second.body().meta, { total: 5, page: 2, perPage: 2 })
    assert.deepEqual(slugs(second.body()), ['ekom21-kgrz-hessen', 'seitenbau-gmbh'])

    const capped = await client.get(urlFor('api.v1.vendors.index', [], { qs: { perPage: 500 } }))
    capped.assertStatus(200)
    assert.equal(capped.body().meta.perPage, 100)
    assert.lengthOf(capped.body().data, 5)
  })

  test('bad parameters give 422 with one error per field', async ({ client, assert }) => {
    await createSearchFixture()

    const response = await client
      .get(
        urlFor('api.v1.vendors.index', [], {
          qs: { plz: '12a', topic: 'nope', page: 0, perPage: 'x' },
        })
      )
      .header('accept-language', 'en')

    response.assertStatus(422)
    assert.notExists(response.header('set-cookie'))
    const errors = response.body().errors as { field: string; message: string }[]
    assert.sameMembers(
      errors.map((error) => error.field),
      ['plz', 'topic', 'page', 'perPage']
    )
    assert.deepInclude(errors, { field: 'topic', message: 'This topic does not exist.' })
    assert.deepInclude(errors, {
      field: 'plz',
      message: 'Please enter 1 to 5 digits of a postal code.',
    })
  })

  test('a radius needs a known 5-digit PLZ', async ({ client, assert }) => {
    await createSearchFixture()

    const short = await client.get(
      urlFor('api.v1.vendors.index', [], { qs: { plz: '041', radius: 10 } })
    )
    short.assertStatus(422)
    assert.deepEqual(short.body(), {
      errors: [
        {
          field: 'radius',
          message: 'Für eine Umkreissuche geben Sie bitte eine vollständige, fünfstellige PLZ an.',
        },
      ],
    })

    const unknown = await client.get(
      urlFor('api.v1.vendors.index', [], { qs: { plz: '99999', radius: 10 } })
    )
    unknown.assertStatus(422)
    assert.deepEqual(
      unknown.body().errors.map((e: { field: string }) => e.field),
      ['plz']
    )
    assert.include(unknown.body().errors[0].message, '99999')

    const tooFar = await client.get(
      urlFor('api.v1.vendors.index', [], { qs: { plz: '04109', radius: 1000 } })
    )
    tooFar.assertStatus(422)
    assert.deepEqual(
      tooFar.body().errors.map((e: { field: string }) => e.field),
      ['radius']
    )
  })
})

test.group('API: vendors index without postal codes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a radius gets 422 at the radius: distances are not available', async ({
    client,
    assert,
  }) => {
    await createVendor({ slug: 'saale-it', postalCode: '06108', city: 'Halle (Saale)' })

    const response = await client
      .get(urlFor('api.v1.vendors.index', [], { qs: { plz: '06120', radius: 30 } }))
      .header('accept-language', 'en')

    response.assertStatus(422)
    assert.deepEqual(response.body(), {
      errors: [
        {
          field: 'radius',
          message:
            'We cannot compute distances at the moment, so a radius search is not possible. ' +
            'Without a radius you can search by postal code region.',
        },
      ],
    })

    const region = await client.get(urlFor('api.v1.vendors.index', [], { qs: { plz: '06' } }))
    region.assertStatus(200)
    assert.deepEqual(slugs(region.body()), ['saale-it'])
  })
})

test.group('API: vendors show', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('returns the whole public profile with sanitized HTML', async ({ client, assert }) => {
    const { topics } = await createSearchFixture()
    await createVendor(
      {
        slug: 'beispiel-kommunal-gmbh',
        name: 'Beispiel Kommunal GmbH',
        street: 'Musterstraße 1',
        postalCode: '06108',
        city: 'Halle (Saale)',
        state: 'Sachsen-Anhalt',
        phone: '+49 345 000000',
        email: 'info@beispiel-kommunal.example',
        website: 'https://beispiel-kommunal.example',
        description:
          '## Leistungen\n\n**Portale** <script>alert(1)</script> [mehr](javascript:alert(1))',
        latitude: 51.483,
        longitude: 11.972,
      },
      [topics.socialMedia, topics.openData]
    )

    const response = await client.get(
      urlFor('api.v1.vendors.show', { slug: 'beispiel-kommunal-gmbh' })
    )

    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const data = response.body().data
    assert.deepEqual(Object.keys(data).sort(), [
      'city',
      'country',
      'description',
      'descriptionHtml',
      'email',
      'latitude',
      'logoUrl',
      'longitude',
      'name',
      'phone',
      'postalCode',
      'publishedAt',
      'slug',
      'state',
      'street',
      'topics',
      'website',
    ])
    assert.include(data, {
      slug: 'beispiel-kommunal-gmbh',
      name: 'Beispiel Kommunal GmbH',
      street: 'Musterstraße 1',
      postalCode: '06108',
      city: 'Halle (Saale)',
      country: 'DE',
      email: 'info@beispiel-kommunal.example',
      logoUrl: null,
      latitude: 51.483,
      longitude: 11.972,
    })
    assert.deepEqual(data.topics, [
      { slug: 'social-media', name: 'Social Media' },
      { slug: 'open-data', name: 'Open Data' },
    ])
    assert.include(data.descriptionHtml, '<h2>Leistungen</h2>')
    assert.include(data.descriptionHtml, '<strong>Portale</strong>')
    assert.notInclude(data.descriptionHtml, '<script')
    assert.notInclude(data.descriptionHtml, 'javascript:')
    assert.match(data.publishedAt, /^\d{4}-\d{2}-\d{2}T/)
  })

  test('unknown and unpublished slugs are 404 in the error shape', async ({ client, assert }) => {
    await createSearchFixture()

    for (const slug of ['no-such-vendor', 'entwurf-giessen']) {
      const response = await client.get(urlFor('api.v1.vendors.show', { slug }))
      response.assertStatus(404)
      assert.notExists(response.header('set-cookie'))
      const body = response.body()
      assert.lengthOf(body.errors, 1)
      assert.isNull(body.errors[0].field)
      assert.isString(body.errors[0].message)
      assert.notInclude(JSON.stringify(body), 'Entwurf')
    }
  })
})
