import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Topic from '#models/topic'
import Vendor from '#models/vendor'
import VendorTransformer from '#transformers/vendor_transformer'
import { apiJson } from '#tests/helpers/api_json'

function vendor(attributes: Partial<Vendor>, topics: Topic[] = []) {
  const row = new Vendor().merge({
    slug: 'karten-gmbh',
    name: 'Karten GmbH',
    street: null,
    postalCode: '06108',
    city: 'Halle (Saale)',
    state: null,
    country: 'DE',
    phone: null,
    email: null,
    website: null,
    description: '',
    logoPath: null,
    status: 'published',
    publishedAt: null,
    latitude: null,
    longitude: null,
    ...attributes,
  })
  row.$setRelated('topics', topics)
  return row
}

test.group('Transformers / vendor', () => {
  test('the profile: Markdown and sanitized HTML, topics as references', async ({ assert }) => {
    const topics = [
      new Topic().merge({ slug: 'geodaten', name: 'Geodaten', description: 'Karten' }),
      new Topic().merge({ slug: 'social-media', name: 'Social Media', description: '' }),
    ]
    const { data } = await apiJson(
      VendorTransformer.transform(
        vendor(
          {
            description: 'Wir **kartieren**. <script>alert(1)</script>',
            publishedAt: DateTime.fromISO('2026-03-01T09:30:00', { zone: 'Europe/Berlin' }),
            latitude: 51.48,
            longitude: 11.97,
          },
          topics
        )
      )
    )

    assert.equal(data.description, 'Wir **kartieren**. <script>alert(1)</script>')
    assert.include(data.descriptionHtml, '<strong>kartieren</strong>')
    assert.notInclude(data.descriptionHtml, '<script')
    assert.deepEqual(data.topics, [
      { slug: 'geodaten', name: 'Geodaten' },
      { slug: 'social-media', name: 'Social Media' },
    ])
    assert.equal(data.publishedAt, '2026-03-01T09:30:00.000+01:00')
    assert.equal(data.latitude, 51.48)
  })

  test('the logo is a URL on the uploads route, each path segment encoded', async ({ assert }) => {
    const withLogo = await apiJson(
      VendorTransformer.transform(vendor({ logoPath: 'logos/7-ab cd#1.png' }))
    )
    assert.equal(withLogo.data.logoUrl, '/uploads/logos/7-ab%20cd%231.png')
  })

  test('what is missing is null, never left out', async ({ assert }) => {
    const { data } = await apiJson(VendorTransformer.transform(vendor({})))
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
    for (const key of ['street', 'state', 'phone', 'email', 'website', 'logoUrl', 'publishedAt']) {
      assert.isNull(data[key], key)
    }
    assert.deepEqual(data.topics, [])
  })
})
