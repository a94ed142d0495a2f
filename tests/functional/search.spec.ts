import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { haversineKm } from '#services/geo/distance'
import { createVendor, withDirectoryCache } from '#tests/helpers/directory'
import { assertSignedInReadersGetTheirOwnPage } from '#tests/helpers/shared_pages'
import DirectoryService from '#services/directory_service'
import { createSearchFixture, POSTAL_CODES } from '#tests/helpers/search_fixture'

const km = (locale: string, from: keyof typeof POSTAL_CODES, to: keyof typeof POSTAL_CODES) =>
  new Intl.NumberFormat(locale).format(
    Math.round(haversineKm(POSTAL_CODES[from], POSTAL_CODES[to]) * 10) / 10
  )

test.group('Search page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('without criteria it shows the form only', async ({ client, assert }) => {
    await createSearchFixture()

    const response = await client.get(urlFor('search'))

    response.assertStatus(200)
    response.assertTextIncludes('<h1>Anbieter suchen</h1>')
    response.assertTextIncludes('<label for="search-q">Suchbegriff</label>')
    // Postal codes are imported, so a radius is offered.
    response.assertTextIncludes('<label for="search-radius">Umkreis</label>')
    assert.match(response.text(), /<option value="social-media"\s*>Social Media<\/option>/)
    assert.notInclude(response.text(), 'search-results')
    assert.notInclude(response.text(), 'brain-SCC GmbH')
    assert.notExists(response.header('set-cookie'))
  })

  test('"Giessen" finds ekom21 in Gießen, linked to its profile', async ({ client, assert }) => {
    await createSearchFixture()

    const response = await client.get(urlFor('search', [], { qs: { q: 'Giessen' } }))

    response.assertStatus(200)
    response.assertTextIncludes('1 Anbieter gefunden')
    response.assertTextIncludes(
      `<a class="search-result__name" href="${urlFor('vendors.show', { slug: 'ekom21-kgrz-hessen' })}">ekom21 – KGRZ Hessen</a>`
    )
    response.assertTextIncludes('35398 Gießen')
    response.assertTextIncludes('Social Media, E-Government')
    // The search term stays in the form.
    response.assertTextIncludes('value="Giessen"')
    // Drafts never show, though this one matches.
    assert.notInclude(response.text(), 'Entwurf')
    assert.notExists(response.header('set-cookie'))
  })

  test('"muenchen" finds München, topics narrow the results', async ({ client, assert }) => {
    await createSearchFixture()

    const munich = await client.get(urlFor('search', [], { qs: { q: 'muenchen' } }))
    munich.assertStatus(200)
    munich.assertTextIncludes('Beispiel Verwaltungs-IT GmbH')
    munich.assertTextIncludes('80331 München')

    const social = await client.get(urlFor('search', [], { qs: { q: 'gmbh', topic: 'open-data' } }))
    social.assertStatus(200)
    social.assertTextIncludes('1 Anbieter gefunden')
    social.assertTextIncludes('TSA Public Service GmbH')
    assert.notInclude(social.text(), 'brain-SCC GmbH')
    social.assertTextIncludes('<option value="open-data" selected>Open Data</option>')
  })

  test('a PLZ prefix searches a region', async ({ client, assert }) => {
    await createSearchFixture()

    const response = await client.get(urlFor('search', [], { qs: { plz: '06' } }))

    response.assertStatus(200)
    response.assertTextIncludes('2 Anbieter gefunden')
    const text = response.text()
    assert.include(text, '06217 Merseburg')
    assert.include(text, '06108 Halle (Saale)')
    assert.notInclude(text, 'Gießen')
    assert.notInclude(text, 'km entfernt')
    assert.isBelow(text.indexOf('brain-SCC GmbH'), text.indexOf('TSA Public Service GmbH'))
  })

  test('a radius search sorts by distance and shows it', async ({ client, assert }) => {
    await createSearchFixture()

    const response = await client.get(urlFor('search', [], { qs: { plz: '04109', radius: '50' } }))

    response.assertStatus(200)
    response.assertTextIncludes('2 Anbieter gefunden')
    const text = response.text()
    const merseburg = `${km('de-DE', '04109', '06217')} km entfernt`
    const halle = `${km('de-DE', '04109', '06108')} km entfernt`
    assert.include(text, merseburg)
    assert.include(text, halle)
    assert.isBelow(text.indexOf('brain-SCC GmbH'), text.indexOf('TSA Public Service GmbH'))
    assert.isBelow(text.indexOf(merseburg), text.indexOf(halle))
    assert.notInclude(text, 'ekom21')
    response.assertTextIncludes('<option value="50" selected>50 km</option>')
  })

  test('invalid input re-renders the form with a message per field and 422', async ({
    client,
    assert,
  }) => {
    await createSearchFixture()

    const response = await client.get(
      urlFor('search', [], { qs: { q: 'x'.repeat(201), topic: 'nope', plz: '12a', radius: '10' } })
    )

    response.assertStatus(422)
    assert.notExists(response.header('set-cookie'))
    response.assertTextIncludes('Bitte prüfen Sie die markierten Angaben.')
    response.assertTextIncludes(
      '<p class="field-error" id="search-q-error">„Suchbegriff“ darf höchstens 200 Zeichen lang sein.</p>'
    )
    response.assertTextIncludes(
      '<p class="field-error" id="search-topic-error">Dieses Thema gibt es nicht.</p>'
    )
    response.assertTextIncludes(
      '<p class="field-error" id="search-plz-error">Bitte geben Sie 1 bis 5 Ziffern einer PLZ an.</p>'
    )
    response.assertTextIncludes(
      '<p class="field-error" id="search-radius-error">Für eine Umkreissuche geben Sie bitte eine vollständige, fünfstellige PLZ an.</p>'
    )
    // The reader's input comes back, so they can correct it.
    response.assertTextIncludes('value="12a"')
    assert.notInclude(response.text(), 'search-results')
  })

  test('a radius around an unknown PLZ is a field error', async ({ client }) => {
    await createSearchFixture()

    const response = await client.get(urlFor('search', [], { qs: { plz: '99999', radius: '25' } }))

    response.assertStatus(422)
    response.assertTextIncludes('Die PLZ 99999 kennen wir nicht.')
  })

  test('no results show a helpful empty state', async ({ client, assert }) => {
    await createSearchFixture()

    const response = await client.get(urlFor('search', [], { qs: { q: 'Blockchainberatung' } }))

    response.assertStatus(200)
    response.assertTextIncludes('Keine Anbieter gefunden')
    response.assertTextIncludes('Zu Ihrer Suche haben wir keine Anbieter gefunden.')
    response.assertTextIncludes('einen größeren Umkreis')
    response.assertTextIncludes(`href="${urlFor('home')}"`)
    assert.notInclude(response.text(), 'class="search-results"')
  })

  test('pagination links keep the query and the language', async ({ client, assert }) => {
    await createSearchFixture()

    const first = await client.get(
      urlFor('search', [], { qs: { topic: 'social-media', perPage: '2', lang: 'en' } })
    )

    first.assertStatus(200)
    first.assertTextIncludes('4 vendors found')
    first.assertTextIncludes('Page 1 of 2')
    // The query's order and HTML escaping are part of what the link must keep.
    first.assertTextIncludes(
      `href="${urlFor('search')}?topic=social-media&amp;perPage=2&amp;page=2&amp;lang=en"`
    )
    assert.include(first.text(), 'brain-SCC GmbH')
    assert.notInclude(first.text(), 'TSA Public Service GmbH')

    const second = await client.get(
      urlFor('search', [], { qs: { topic: 'social-media', perPage: '2', page: '2', lang: 'en' } })
    )
    second.assertStatus(200)
    second.assertTextIncludes('Page 2 of 2')
    second.assertTextIncludes(
      `href="${urlFor('search')}?topic=social-media&amp;perPage=2&amp;page=1&amp;lang=en"`
    )
    assert.include(second.text(), 'TSA Public Service GmbH')
    assert.notInclude(second.text(), 'brain-SCC GmbH')
    // Result links keep ?lang= too.
    second.assertTextIncludes(
      `href="${urlFor('vendors.show', { slug: 'tsa-public-service-gmbh' }, { qs: { from: 'social-media', lang: 'en' } }).replace('&', '&amp;')}"`
    )
  })

  test('English through ?lang=en: labels, results and messages', async ({ client }) => {
    await createSearchFixture()

    const results = await client.get(
      urlFor('search', [], { qs: { plz: '04109', radius: '50', lang: 'en' } })
    )
    results.assertStatus(200)
    results.assertTextIncludes('<html lang="en">')
    results.assertTextIncludes('<label for="search-q">Keywords</label>')
    results.assertTextIncludes('2 vendors found')
    results.assertTextIncludes(`${km('en-US', '04109', '06217')} km away`)

    const invalid = await client.get(urlFor('search', [], { qs: { radius: '10', lang: 'en' } }))
    invalid.assertStatus(422)
    invalid.assertTextIncludes('A radius search needs a complete postal code of 5 digits.')
  })
})

test.group('Search page without postal codes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const distancesUnavailable =
    'Entfernungen können wir derzeit nicht berechnen, deshalb ist keine Umkreissuche möglich.'

  test('no form offers a radius; a PLZ region still works', async ({ client, assert }) => {
    await createVendor({ name: 'Saale IT GmbH', postalCode: '06108', city: 'Halle (Saale)' })

    for (const path of [urlFor('search'), urlFor('home')]) {
      const response = await client.get(path)
      response.assertStatus(200)
      response.assertTextIncludes('<label for="search-plz">PLZ</label>')
      assert.notInclude(response.text(), 'name="radius"', path)
      assert.notInclude(response.text(), 'Umkreis', path)
    }

    const region = await client.get(urlFor('search', [], { qs: { plz: '06' } }))
    region.assertStatus(200)
    region.assertTextIncludes('1 Anbieter gefunden')
    region.assertTextIncludes('06108 Halle (Saale)')
  })

  test('a radius request says distances are not available (422), not that the PLZ is unknown', async ({
    client,
    assert,
  }) => {
    await createVendor({ name: 'Saale IT GmbH', postalCode: '06108', city: 'Halle (Saale)' })

    const response = await client.get(urlFor('search', [], { qs: { plz: '06120', radius: '30' } }))

    response.assertStatus(422)
    response.assertTextIncludes(
      `<p class="field-error" id="search-radius-error">${distancesUnavailable} Ohne Umkreis finden Sie Anbieter nach PLZ-Bereich.</p>`
    )
    assert.notInclude(response.text(), 'kennen wir nicht')
    assert.notInclude(response.text(), 'search-plz-error')
    assert.notInclude(response.text(), 'name="radius"')
    assert.notInclude(response.text(), 'search-results')
    response.assertTextIncludes('value="06120"')

    const english = await client.get(
      urlFor('search', [], { qs: { plz: '06120', radius: '30', lang: 'en' } })
    )
    english.assertStatus(422)
    english.assertTextIncludes('We cannot compute distances at the moment')
  })
})

test.group('Search page with the caches on', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(withDirectoryCache)

  test('a kept page answers the same URL and language, until the directory changes', async ({
    client,
    assert,
  }) => {
    await createSearchFixture()
    const giessen = urlFor('search', [], { qs: { q: 'Giessen' } })
    const english = urlFor('search', [], { qs: { q: 'Giessen', lang: 'en' } })
    // Each page rendered asks for the topics of its form once.
    let renders = 0
    const topicsWithCounts = DirectoryService.prototype.topicsWithCounts
    DirectoryService.prototype.topicsWithCounts = function (this: DirectoryService) {
      renders++
      return topicsWithCounts.call(this)
    }
    try {
      const first = await client.get(giessen)
      first.assertStatus(200)
      first.assertTextIncludes('1 Anbieter gefunden')
      assert.equal(first.header('content-type'), 'text/html; charset=utf-8')
      const again = await client.get(giessen)
      assert.equal(again.text(), first.text())
      assert.notExists(again.header('set-cookie'))
      assert.equal(renders, 1)

      const inEnglish = await client.get(english)
      inEnglish.assertTextIncludes('1 vendor found')
      assert.equal(renders, 2)

      // A new vendor clears every kept page once it is committed.
      await createVendor({ name: 'Giessener Datenwerk GmbH', postalCode: '35390', city: 'Gießen' })
      const after = await client.get(giessen)
      after.assertTextIncludes('2 Anbieter gefunden')
      after.assertTextIncludes('Giessener Datenwerk GmbH')
      assert.equal(renders, 3)
    } finally {
      DirectoryService.prototype.topicsWithCounts = topicsWithCounts
    }
  })

  test('kept pages keep their status: 422 for invalid input, 404 past the last page', async ({
    client,
  }) => {
    await createSearchFixture()
    const invalid = urlFor('search', [], { qs: { plz: 'abc' } })
    const pastTheEnd = urlFor('search', [], { qs: { q: 'Giessen', page: '9' } })

    for (let view = 0; view < 2; view++) {
      const refused = await client.get(invalid)
      refused.assertStatus(422)
      refused.assertTextIncludes('search-plz-error')
      const missing = await client.get(pastTheEnd)
      missing.assertStatus(404)
    }
  })

  test('a signed-in reader gets their own page, never the one shared by readers', async ({
    client,
    assert,
  }) => {
    await createSearchFixture()
    const page = urlFor('search', [], { qs: { q: 'Giessen' } })
    const signedIn = await assertSignedInReadersGetTheirOwnPage(client, assert, page)
    signedIn.assertTextIncludes('1 Anbieter gefunden')
  })
})
