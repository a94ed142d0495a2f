import { test } from '@japa/runner'
import type { SearchHit } from '#services/search/search_service'
import SearchHitTransformer from '#transformers/search_hit_transformer'
import { apiJson } from '#tests/helpers/api_json'

const hit: SearchHit = {
  id: 3,
  slug: 'karten-gmbh',
  name: 'Karten GmbH',
  postalCode: '06108',
  city: 'Halle (Saale)',
  state: 'Sachsen-Anhalt',
  website: null,
  topics: [
    { slug: 'geodaten', name: 'Geodaten' },
    { slug: 'social-media', name: 'Social Media' },
  ],
}

test.group('Transformers / search hit', () => {
  test('a row names its topics by slug and has no distance without a radius', async ({
    assert,
  }) => {
    assert.deepEqual(await apiJson(SearchHitTransformer.transform([hit])), {
      data: [
        {
          slug: 'karten-gmbh',
          name: 'Karten GmbH',
          postalCode: '06108',
          city: 'Halle (Saale)',
          state: 'Sachsen-Anhalt',
          website: null,
          topics: ['geodaten', 'social-media'],
        },
      ],
    })
  })

  test('a radius search adds the distance', async ({ assert }) => {
    const { data } = await apiJson(SearchHitTransformer.transform([{ ...hit, distanceKm: 12.5 }]))
    assert.equal(data[0].distanceKm, 12.5)
  })
})
