import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { TopicFactory } from '#database/factories/topic_factory'
import NewsItem from '#models/news_item'
import { createUser } from '#tests/helpers/users'

const SCRIPT = '<script>alert("xss")</script>'
const IMG = '<img src=x onerror=alert(1)>'
const SVG = '<svg onload=alert(1)>'
const LINK = '<a href="javascript:alert(1)">klick</a>'

/** The accounts issue's payload set, in every free-text field of a news item. */
const FORM = {
  kicker: `Böse ${SCRIPT}`,
  title: `Titel ${IMG}`,
  publishedOn: '2024-02-06',
  teaser: `Anreißer ${SVG} ${SCRIPT}`,
  body: [
    `# Überschrift ${SCRIPT}`,
    `Text mit ${IMG} und ${SVG} und ${LINK}.`,
    '[Markdown-Link](javascript:alert(2)) und ![Bild](javascript:alert(3))',
    '<p onclick="alert(4)">Absatz</p> <iframe src="https://evil.example"></iframe>',
  ].join('\n\n'),
  keywords: `Stich ${SCRIPT}, Wort ${IMG}`,
  sourceLinks: `Quelle ${SCRIPT} | https://example.org/?q="><script>alert(5)</script>`,
  imageCredit: `Foto ${IMG}`,
}

const TAG =
  /<([a-zA-Z][\w-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g
const ATTRIBUTE = /([^\s=>"'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g

/** No executable markup: only JSON-LD scripts, no handlers, no javascript: URLs, no svg/iframe/img. */
function assertInert(assert: any, html: string, where: string) {
  for (const [, rawName, attributes] of html.matchAll(TAG)) {
    const name = rawName.toLowerCase()
    const attrs = [...attributes.matchAll(ATTRIBUTE)].map(([, key, value]) => ({
      key: key.toLowerCase(),
      value: (value ?? '').replace(/^["']|["']$/g, '').trim(),
    }))
    const label = `${where}: <${name} ${attrs.map((a) => a.key).join(' ')}>`
    if (name === 'script') {
      assert.equal(attrs.find((a) => a.key === 'type')?.value, 'application/ld+json', label)
    }
    assert.notInclude(['svg', 'iframe', 'object', 'embed', 'img'], name, label)
    for (const attribute of attrs) {
      assert.notMatch(attribute.key, /^on/, label)
      if (['href', 'src', 'action', 'formaction'].includes(attribute.key)) {
        assert.notMatch(attribute.value, /^\s*(javascript|data|vbscript):/i, label)
      }
    }
  }
}

test.group('News / stored XSS', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('payloads in every field are inert on the page, print, keyword and list pages and in the API', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const topic = await TopicFactory.merge({ slug: 'social-media', name: 'Social Media' }).create()
    const stored = await client
      .post(urlFor('editorial.news.store'))
      .form({ ...FORM, mainTopicId: String(topic.id) })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    stored.assertStatus(302)
    const item = await NewsItem.query().preload('keywords').firstOrFail()
    // Stored as typed; neutralized when shown.
    assert.include(item.body, '<iframe')
    item.status = 'published'
    await item.save()

    const pages = [
      urlFor('news.show', { slug: item.slug }),
      urlFor('news.print', { slug: item.slug }),
      urlFor('topics.news', { slug: topic.slug }),
      urlFor('topics.show', { slug: topic.slug }),
      urlFor('keywords.show', { slug: item.keywords[0].slug }),
    ]
    for (const page of pages) {
      const response = await client.get(page)
      response.assertStatus(200)
      assertInert(assert, response.text(), page)
    }

    const page = await client.get(urlFor('news.show', { slug: item.slug }))
    const html = page.text()
    assert.include(html, 'Böse &lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;')
    assert.include(html, 'Titel &lt;img src=x onerror=alert(1)&gt;')
    assert.include(html, '<a rel="nofollow noopener">Markdown-Link</a>')
    assert.include(html, '<p>Absatz</p>')
    assert.notInclude(html, 'evil.example')
    // JSON-LD cannot be closed from inside.
    const jsonLd = html.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)
    assert.exists(jsonLd)
    assert.include(JSON.parse(jsonLd![1]).headline, '<img src=x onerror=alert(1)>')

    const api = await client.get(urlFor('api.v1.news.show', { slug: item.slug }))
    api.assertStatus(200)
    const bodyHtml: string = api.body().data.bodyHtml
    assertInert(assert, bodyHtml, 'API bodyHtml')
    assert.notInclude(bodyHtml, '<script')
    assert.notInclude(bodyHtml, 'javascript:')
    assert.notInclude(bodyHtml, '<iframe')
  })
})
