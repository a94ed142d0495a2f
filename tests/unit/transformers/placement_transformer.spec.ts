import { test } from '@japa/runner'
import { placementJson, placementShape } from '#transformers/placement_transformer'
import type { Placement, PlacedVendor } from '#services/placement/placement_service'

const vendor = (id: number, name: string, paid = false): PlacedVendor => ({
  id,
  slug: `vendor-${id}`,
  name,
  postalCode: '06108',
  city: 'Halle (Saale)',
  paid,
  bookingId: paid ? 40 + id : null,
  clickUrl: paid ? `http://localhost:3333/c/token-${id}` : null,
  url: paid ? `http://localhost:3333/c/token-${id}` : `http://localhost:3333/vendors/vendor-${id}`,
})

test.group('Transformers / placement JSON', () => {
  test('is the JSON of the shape, for names that need escaping', ({ assert }) => {
    const placement: Placement = {
      vendors: [
        vendor(1, 'ekom21 – KGRZ Hessen', true),
        vendor(2, 'Gießen "Digital" \\ GmbH'),
        vendor(3, '</script><script>alert(1)</script>'),
        vendor(4, 'Zeile\nzwei \u2028'),
      ],
      ad: {
        bookingId: 9,
        kind: 'text',
        headline: 'Social Media für Kommunen',
        body: 'Mit "Anführung" & <b>Tags</b>',
        imageUrl: null,
        alt: null,
        clickUrl: 'http://localhost:3333/c/ad-token',
        label: 'Anzeige',
      },
    }
    const json = placementJson(placement)
    assert.deepEqual(JSON.parse(json), { data: placementShape(placement) })
    assert.equal(json, JSON.stringify({ data: placementShape(placement) }))
  })

  test('an empty box and the house ad', ({ assert }) => {
    const placement: Placement = { vendors: [], ad: null }
    assert.equal(placementJson(placement), '{"data":{"vendors":[],"ad":null}}')
  })

  test('a place seen again gives the same JSON', ({ assert }) => {
    const shown = vendor(5, 'Karten GmbH')
    const first = placementJson({ vendors: [shown], ad: null })
    const again = placementJson({ vendors: [vendor(6, 'Andere GmbH'), shown], ad: null })
    assert.deepEqual(JSON.parse(again).data.vendors[1], JSON.parse(first).data.vendors[0])
  })
})
