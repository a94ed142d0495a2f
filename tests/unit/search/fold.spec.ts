import { test } from '@japa/runner'
import { fold, searchTerms, vendorSearchText } from '#services/search/fold'

test.group('Search / fold', () => {
  test('folds {0} to {1}')
    .with([
      ['Gießen', 'giessen'],
      ['GIESSEN', 'giessen'],
      ['Giessen', 'giessen'],
      ['München', 'muenchen'],
      ['MÜNCHEN', 'muenchen'],
      ['Köln', 'koeln'],
      ['Ärztehaus Ölmühle', 'aerztehaus oelmuehle'],
      ['STRAẞE', 'strasse'],
      ['Café Señor', 'cafe senor'],
    ])
    .run(({ assert }, [input, folded]) => {
      assert.equal(fold(input), folded)
    })

  test('spellings of the same word meet', ({ assert }) => {
    assert.equal(fold('Gießen'), fold('Giessen'))
    assert.equal(fold('München'), fold('muenchen'))
    assert.equal(fold('Düsseldorf'), fold('DUESSELDORF'))
  })

  test('decomposed umlauts fold like composed ones', ({ assert }) => {
    // "ü" typed as u + combining diaeresis, as some keyboards and PDFs send it.
    assert.equal(fold('Mu\u0308nchen'), 'muenchen')
  })

  test('search terms are folded words without syntax', ({ assert }) => {
    assert.deepEqual(searchTerms('Halle (Saale), Gießen'), ['halle', 'saale', 'giessen'])
    assert.deepEqual(searchTerms(`brain" OR name:*  -'x`), ['brain', 'or', 'name', 'x'])
    assert.deepEqual(searchTerms('E-Government e-government'), ['e', 'government'])
    assert.deepEqual(searchTerms('!!! ...'), [])
  })

  test('search terms are limited in number', ({ assert }) => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ')
    assert.lengthOf(searchTerms(words), 12)
    assert.lengthOf(searchTerms(words, 3), 3)
  })

  test('vendor search text holds name, place, postal code and topics, folded', ({ assert }) => {
    const text = vendorSearchText(
      {
        name: 'ekom21 – KGRZ Hessen',
        postalCode: '35398',
        city: 'Gießen',
        state: 'Hessen',
        description: '**Kommunale** IT',
      },
      ['Bürgerservice']
    )
    for (const word of [
      'ekom21',
      'kgrz',
      '35398',
      'giessen',
      'hessen',
      'buergerservice',
      'kommunale',
    ]) {
      assert.include(text.split(/\W+/), word)
    }
    assert.notMatch(text, /[A-ZÄÖÜß]/)
  })
})
