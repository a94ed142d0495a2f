import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { TopicFactory } from '#database/factories/topic_factory'
import { createVendor } from '#tests/helpers/directory'
import { createSearchFixture } from '#tests/helpers/search_fixture'

async function twoTopicsVendor() {
  const archive = await TopicFactory.merge({ slug: 'e-akte', name: 'E-Akte', position: 1 }).create()
  const social = await TopicFactory.merge({
    slug: 'social-media',
    name: 'Social Media',
    position: 2,
  }).create()
  const vendor = await createVendor(
    { slug: 'seitenbau', name: 'SEITENBAU GmbH', postalCode: '78467', city: 'Konstanz' },
    [archive, social]
  )
  return { archive, social, vendor }
}

/** The breadcrumb's topic link. */
function crumbTopic(html: string) {
  const nav = html.split('class="breadcrumb"')[1].split('</nav>')[0]
  return [...nav.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map(([, href, name]) => ({
    href,
    name,
  }))[1]
}

test.group("The reader's path", (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('links from a topic page carry the topic, and the profile breadcrumb follows it', async ({
    client,
    assert,
  }) => {
    const { social, vendor } = await twoTopicsVendor()
    const topicPage = await client.get(urlFor('topics.show', { slug: social.slug }))
    const link = urlFor('vendors.show', { slug: vendor.slug }, { qs: { from: 'social-media' } })
    // Both the vendor box and the list lead there with the topic.
    assert.lengthOf(topicPage.text().split(`href="${link}"`), 3)

    const profile = await client.get(link)
    profile.assertStatus(200)
    assert.deepEqual(crumbTopic(profile.text()), {
      href: urlFor('topics.show', { slug: 'social-media' }),
      name: 'Social Media',
    })
    // No cookie remembers the path.
    assert.isUndefined(profile.headers()['set-cookie'])

    const english = await client.get(
      urlFor('vendors.show', { slug: vendor.slug }, { qs: { from: 'social-media', lang: 'en' } })
    )
    assert.deepEqual(crumbTopic(english.text()), {
      href: urlFor('topics.show', { slug: 'social-media' }, { qs: { lang: 'en' } }),
      name: 'Social Media',
    })
  })

  test('an unknown or foreign ?from is ignored: the first topic', async ({ client, assert }) => {
    const { vendor } = await twoTopicsVendor()
    await TopicFactory.merge({ slug: 'gis', name: 'GIS', position: 3 }).create()
    for (const from of ['gis', 'gibt-es-nicht', '<script>', '']) {
      const profile = await client.get(
        urlFor('vendors.show', { slug: vendor.slug }, { qs: { from } })
      )
      profile.assertStatus(200)
      assert.deepEqual(crumbTopic(profile.text()), {
        href: urlFor('topics.show', { slug: 'e-akte' }),
        name: 'E-Akte',
      })
    }
  })

  test('a topic page past the end says so: 404, a message and a link to the last page', async ({
    client,
    assert,
  }) => {
    const { social } = await twoTopicsVendor()
    const response = await client.get(
      urlFor('topics.show', { slug: social.slug }, { qs: { page: '999' } })
    )
    response.assertStatus(404)
    response.assertTextIncludes('Seite 999 gibt es hier nicht: Die Liste hat nur eine Seite.')
    response.assertTextIncludes(
      `<a href="${urlFor('topics.show', { slug: social.slug })}">Zur ersten Seite</a>`
    )
    assert.notInclude(response.text(), 'Seite 999 von 1')

    const english = await client.get(
      urlFor('topics.show', { slug: social.slug }, { qs: { page: '999', lang: 'en' } })
    )
    english.assertStatus(404)
    english.assertTextIncludes('There is no page 999 here: the list has only one page.')

    const first = await client.get(
      urlFor('topics.show', { slug: social.slug }, { qs: { page: '1' } })
    )
    first.assertStatus(200)
    assert.notInclude(first.text(), 'gibt es hier nicht')
  })

  test('a search page past the end says so: 404 and a link to the last page', async ({
    client,
  }) => {
    await createSearchFixture()
    const response = await client.get(
      urlFor('search', [], { qs: { topic: 'social-media', perPage: '2', page: '999' } })
    )
    response.assertStatus(404)
    response.assertTextIncludes('Seite 999 gibt es hier nicht: Die Liste hat 2 Seiten.')
    response.assertTextIncludes(
      `href="${urlFor('search')}?topic=social-media&amp;perPage=2&amp;page=2">Zur letzten Seite (Seite 2)</a>`
    )
  })

  test('"Eintrag übernehmen" says what claiming means and that the editors check it', async ({
    client,
    assert,
  }) => {
    const { vendor } = await twoTopicsVendor()
    const profile = await client.get(urlFor('vendors.show', { slug: vendor.slug }))
    const claim = profile.text().split('class="vendor-profile__claim"')[1].split('</section>')[0]
    assert.include(claim, 'Gehört dieser Eintrag zu Ihrem Unternehmen?')
    assert.include(claim, 'Die Redaktion prüft, ob Sie zum Unternehmen gehören.')
    assert.include(claim, `href="${urlFor('account.claims.create', { slug: vendor.slug })}"`)
    assert.include(claim, 'Eintrag übernehmen')
  })

  test('on the topic page the vendor box and the ad come before the long list', async ({
    client,
    assert,
  }) => {
    const { social } = await twoTopicsVendor()
    const page = await client.get(urlFor('topics.show', { slug: social.slug }))
    const html = page.text()
    const intro = html.indexOf('<h1>')
    const box = html.indexOf('class="vendor-box"')
    const ad = html.indexOf('class="ad-slot')
    const list = html.indexOf('id="topic-vendors-heading"')
    assert.isTrue(intro < box && box < list, 'box between introduction and list')
    assert.isTrue(ad > box && ad < list, 'ad before the list')
    // PLZ and city are one unbreakable pair.
    assert.include(html, '<span class="vendor-list__place postal-place">78467 Konstanz</span>')
  })
})
