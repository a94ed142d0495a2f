import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { TopicFactory } from '#database/factories/topic_factory'
import { createVendor, withDirectoryCache } from '#tests/helpers/directory'

async function topicWithVendors(count: number) {
  const topic = await TopicFactory.merge({
    slug: 'social-media',
    name: 'Social Media',
    description: 'Kommunen in sozialen Netzwerken.',
  }).create()
  const vendors = []
  for (let i = 1; i <= count; i++) {
    const vendor = await createVendor(
      {
        slug: `anbieter-${i}`,
        name: `Anbieter ${String(i).padStart(2, '0')} GmbH`,
        postalCode: `0${6100 + i}`,
        city: 'Halle (Saale)',
      },
      [topic]
    )
    vendors.push(vendor)
  }
  return { topic, vendors }
}

/** The page of the topic that topicWithVendors makes. */
function topicPage(qs: Record<string, unknown> = {}) {
  return urlFor('topics.show', { slug: 'social-media' }, { qs })
}

function boxItems(html: string): string[] {
  const box = html.split('class="vendor-box"')[1]?.split('</aside>')[0] ?? ''
  return [...box.matchAll(/class="vendor-box__name"[^>]*>([^<]+)</g)].map((m) => m[1])
}

test.group('Topic page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows the topic, the vendor box with PLZ and city, and the ad slot', async ({
    client,
    assert,
  }) => {
    const { vendors } = await topicWithVendors(3)
    const response = await client.get(topicPage())

    response.assertStatus(200)
    response.assertTextIncludes('<h1>Social Media</h1>')
    response.assertTextIncludes('Kommunen in sozialen Netzwerken.')
    response.assertTextIncludes('Ausgewählte Anbieter aus dem Bereich Social Media')
    response.assertTextIncludes('06101 Halle (Saale)')
    response.assertTextIncludes('Anzeige')
    response.assertTextIncludes(
      `href="${urlFor('advertise', {}, { qs: { topic: 'social-media' } })}"`
    )
    assert.sameMembers(
      boxItems(response.text()),
      vendors.map((v) => v.name)
    )
    assert.notExists(response.header('set-cookie'))
  })

  test('rotates the box when the topic has more than four vendors', async ({ client, assert }) => {
    await topicWithVendors(7)
    const seen = new Set<string>()
    const windows: string[] = []
    for (let view = 0; view < 4; view++) {
      const response = await client.get(topicPage())
      const items = boxItems(response.text())
      assert.lengthOf(items, 4)
      assert.lengthOf(new Set(items), 4)
      items.forEach((name) => seen.add(name))
      windows.push(items.join('|'))
    }
    assert.equal(seen.size, 7)
    assert.notEqual(windows[0], windows[1])
  })

  test('lists only published vendors, filtered by PLZ prefix', async ({ client, assert }) => {
    const { topic } = await topicWithVendors(2)
    await createVendor(
      { slug: 'entwurf', name: 'Entwurf AG', postalCode: '06100', status: 'draft' },
      [topic]
    )
    await createVendor(
      { slug: 'konstanz', name: 'Seeblick IT', postalCode: '78467', city: 'Konstanz' },
      [topic]
    )

    const all = await client.get(topicPage())
    all.assertTextIncludes('3 Anbieter')
    assert.notInclude(all.text(), 'Entwurf AG')

    const filtered = await client.get(topicPage({ plz: '061' }))
    filtered.assertStatus(200)
    filtered.assertTextIncludes('2 Anbieter')
    const list = filtered.text().split('class="vendor-list"')[1].split('</ul>')[0]
    assert.notInclude(list, 'Seeblick IT')
    assert.include(list, 'Anbieter 01 GmbH')
  })

  test('paginates the list and keeps the filter on the links', async ({ client }) => {
    await topicWithVendors(23)
    const first = await client.get(topicPage({ plz: '06', lang: 'en' }))
    first.assertTextIncludes('Page 1 of 2')
    // The query's order and HTML escaping are part of what the link must keep.
    first.assertTextIncludes(`href="${topicPage()}?plz=06&amp;page=2&amp;lang=en"`)

    const second = await client.get(topicPage({ plz: '06', page: 2 }))
    second.assertTextIncludes('Anbieter 23 GmbH')
    second.assertTextIncludes('Seite 2 von 2')
  })

  test('re-renders with 422 and a message for an invalid PLZ', async ({ client }) => {
    await topicWithVendors(1)
    const response = await client.get(topicPage({ plz: '12a' }))
    response.assertStatus(422)
    response.assertTextIncludes('aria-invalid="true"')
    response.assertTextIncludes('value="12a"')
    response.assertTextIncludes('class="field-error"')
  })

  test('speaks English with ?lang=en or Accept-Language', async ({ client }) => {
    await topicWithVendors(1)
    const byQuery = await client.get(topicPage({ lang: 'en' }))
    byQuery.assertTextIncludes('<html lang="en">')
    byQuery.assertTextIncludes('Selected vendors in Social Media')
    // Profile links carry the topic the reader comes from, and the language.
    byQuery.assertTextIncludes(
      `href="${urlFor('vendors.show', { slug: 'anbieter-1' }, { qs: { from: 'social-media', lang: 'en' } }).replace('&', '&amp;')}"`
    )

    const byHeader = await client.get(topicPage()).header('accept-language', 'en-GB,en;q=0.9')
    byHeader.assertTextIncludes('Selected vendors in Social Media')
    byHeader.assertTextIncludes(
      `href="${urlFor('vendors.show', { slug: 'anbieter-1' }, { qs: { from: 'social-media' } })}"`
    )
  })

  test('answers 404 with the layout for an unknown topic', async ({ client }) => {
    const response = await client.get(urlFor('topics.show', { slug: 'gibt-es-nicht' }))
    response.assertStatus(404)
    response.assertTextIncludes('Seite nicht gefunden')
    response.assertTextIncludes('class="site-header"')
  })
})

test.group('Topic page with the directory cache on', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(withDirectoryCache)

  test('a vendor published in this process shows at once', async ({ client, assert }) => {
    const { topic } = await topicWithVendors(1)
    const before = await client.get(topicPage())
    before.assertTextIncludes('1 Anbieter')

    const newcomer = await createVendor(
      { slug: 'neu', name: 'Neu im Verzeichnis GmbH', postalCode: '06108', status: 'draft' },
      [topic]
    )
    newcomer.status = 'published'
    await newcomer.save()

    const after = await client.get(topicPage())
    after.assertTextIncludes('2 Anbieter')
    assert.include(boxItems(after.text()), 'Neu im Verzeichnis GmbH')

    newcomer.status = 'archived'
    await newcomer.save()
    const archived = await client.get(topicPage())
    assert.notInclude(archived.text(), 'Neu im Verzeichnis GmbH')
  })
})
