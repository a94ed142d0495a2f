import { test } from '@japa/runner'
import { firstFreeSlug, slugify } from '#services/slug'

test.group('Vendors / slug', () => {
  test('{0} → {1}')
    .with([
      ['Gießen Digital GmbH', 'giessen-digital-gmbh'],
      ['Müller & Söhne', 'mueller-soehne'],
      ['  ÖKOM21 – Kommunale IT  ', 'oekom21-kommunale-it'],
      ['Café Élan', 'cafe-elan'],
      ['!!!', 'anbieter'],
    ] as const)
    .run(({ assert }, [name, slug]) => {
      assert.equal(slugify(name), slug)
    })

  test('a long name is cut without a trailing dash', ({ assert }) => {
    const slug = slugify(`${'a'.repeat(149)} b`)
    assert.isAtMost(slug.length, 150)
    assert.notMatch(slug, /-$/)
  })

  test('taken slugs get the next free number', ({ assert }) => {
    assert.equal(firstFreeSlug('ekom21', []), 'ekom21')
    assert.equal(firstFreeSlug('ekom21', ['ekom21']), 'ekom21-2')
    assert.equal(firstFreeSlug('ekom21', ['ekom21', 'ekom21-2', 'ekom21-3']), 'ekom21-4')
    assert.equal(firstFreeSlug('ekom21', ['ekom21', 'ekom21-3']), 'ekom21-2')
  })
})
