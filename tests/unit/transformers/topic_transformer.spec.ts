import { test } from '@japa/runner'
import Topic from '#models/topic'
import TopicTransformer from '#transformers/topic_transformer'
import TopicPageTransformer from '#transformers/topic_page_transformer'
import { apiJson } from '#tests/helpers/api_json'

const topic = () =>
  new Topic().merge({ slug: 'geodaten', name: 'Geodaten', description: 'Karten und mehr' })

test.group('Transformers / topic', () => {
  test('by default a reference: slug and name', async ({ assert }) => {
    assert.deepEqual(await apiJson(TopicTransformer.transform(topic())), {
      data: { slug: 'geodaten', name: 'Geodaten' },
    })
  })

  test('the page adds the description and the placement of this view', async ({ assert }) => {
    const shown = {
      slug: 'karten-gmbh',
      name: 'Karten GmbH',
      postalCode: '06108',
      city: 'Halle',
      paid: false,
      url: 'http://localhost:3333/vendors/karten-gmbh?from=geodaten',
    }
    // The id, booking and click link are for counting and the page; the API leaves them out.
    const placement = {
      vendors: [{ ...shown, id: 7, bookingId: null, clickUrl: null }],
      ad: null,
    }
    assert.deepEqual(await apiJson(TopicPageTransformer.transform({ topic: topic(), placement })), {
      data: {
        slug: 'geodaten',
        name: 'Geodaten',
        description: 'Karten und mehr',
        vendors: [shown],
        ad: null,
      },
    })
  })
})
