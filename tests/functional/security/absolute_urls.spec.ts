import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import { TopicFactory } from '#database/factories/topic_factory'
import { createVendor } from '#tests/helpers/directory'

const SITE = 'https://anbieter.example.org'
const FORGED = 'evil.example'

/** Runs with APP_URL set to `value` (or unset), then puts it back. */
function withAppUrl(value: string | undefined) {
  const original = process.env.APP_URL
  env.set('APP_URL', value as string)
  if (value === undefined) delete process.env.APP_URL
  return () => {
    env.set('APP_URL', original as string)
    if (original === undefined) delete process.env.APP_URL
  }
}

test.group('Absolute URLs come from APP_URL', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a forged Host or X-Forwarded-Host never reaches canonical, JSON-LD, Open Graph or the sitemap', async ({
    client,
    assert,
  }) => {
    const restore = withAppUrl(SITE)
    try {
      const topic = await TopicFactory.merge({ slug: 'open-data', name: 'Open Data' }).create()
      await createVendor({ slug: 'datenwerk', name: 'Datenwerk', website: null }, [topic])

      const forgeries: Record<string, string>[] = [{ host: FORGED }, { 'x-forwarded-host': FORGED }]
      for (const headers of forgeries) {
        const profile = await client
          .get(urlFor('vendors.show', { slug: 'datenwerk' }))
          .headers(headers)
        profile.assertStatus(200)
        const html = profile.text()
        assert.include(html, `<link rel="canonical" href="${SITE}/vendors/datenwerk">`)
        assert.include(html, `<meta property="og:url" content="${SITE}/vendors/datenwerk">`)
        assert.include(html, `"url":"${SITE}/vendors/datenwerk"`)
        assert.notInclude(html, FORGED)

        const topicPage = await client
          .get(urlFor('topics.show', { slug: 'open-data' }))
          .headers(headers)
        topicPage.assertStatus(200)
        assert.include(topicPage.text(), `<link rel="canonical" href="${SITE}/topics/open-data">`)
        assert.notInclude(topicPage.text(), FORGED)

        const sitemap = await client.get(urlFor('sitemap')).headers(headers)
        sitemap.assertStatus(200)
        assert.include(sitemap.text(), `<loc>${SITE}/topics/open-data</loc>`)
        assert.notInclude(sitemap.text(), FORGED)

        const robots = await client.get(urlFor('robots')).headers(headers)
        assert.include(robots.text(), `${SITE}/sitemap.xml`)
        assert.notInclude(robots.text(), FORGED)
      }
    } finally {
      restore()
    }
  })

  test('without APP_URL (development, tests) they use the address the server listens on', async ({
    client,
    assert,
  }) => {
    const restore = withAppUrl(undefined)
    try {
      await createVendor({ slug: 'datenwerk', name: 'Datenwerk' })
      const origin = `http://${env.get('HOST')}:${env.get('PORT')}`
      const profile = await client
        .get(urlFor('vendors.show', { slug: 'datenwerk' }))
        .header('host', FORGED)
      profile.assertStatus(200)
      assert.include(profile.text(), `<link rel="canonical" href="${origin}/vendors/datenwerk">`)
      assert.notInclude(profile.text(), FORGED)
    } finally {
      restore()
    }
  })
})
