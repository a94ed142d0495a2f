import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import type Topic from '#models/topic'
import Vendor from '#models/vendor'
import VendorRevision from '#models/vendor_revision'
import { applySnapshot } from '#services/vendor_snapshot'
import { createUser } from '#tests/helpers/users'
import { createTopic, formFields, ownedVendor } from '#tests/helpers/vendor_accounts'

const SCRIPT = '<script>alert("xss")</script>'
const IMG = '<img src=x onerror=alert(1)>'
const SVG = '<svg onload=alert(1)>'
const LINK = '<a href="javascript:alert(1)">klick</a>'

/** Every free-text field carries a payload; the Markdown carries all of them. */
const PAYLOADS = {
  name: `Böse ${SCRIPT} GmbH`,
  street: `${IMG} Straße 1`,
  city: `Halle ${SVG}`,
  email: '"<script>alert(1)</script>"@example.de',
  description: [
    `# Über uns ${SCRIPT}`,
    `Text mit ${IMG} und ${SVG} und ${LINK}.`,
    '[Markdown-Link](javascript:alert(2)) und ![Bild](javascript:alert(3))',
    '<p onclick="alert(4)">Absatz</p> <iframe src="https://evil.example"></iframe>',
  ].join('\n\n'),
}

const TAG =
  /<([a-zA-Z][\w-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g
const ATTRIBUTE = /([^\s=>"'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g

/** The real tags of a page and their attributes; escaped text (&lt;…) is no tag. */
function tagsOf(html: string) {
  return [...html.matchAll(TAG)].map(([, name, attributes]) => ({
    name: name.toLowerCase(),
    attributes: [...attributes.matchAll(ATTRIBUTE)].map(([, key, value]) => ({
      key: key.toLowerCase(),
      value: (value ?? '').replace(/^["']|["']$/g, '').trim(),
    })),
  }))
}

/** No executable markup: no script, no event handler, no javascript: URL, no svg/iframe, no foreign img. */
function assertInert(assert: any, html: string, where: string) {
  for (const tag of tagsOf(html)) {
    const type = tag.attributes.find((a) => a.key === 'type')?.value
    const label = `${where}: <${tag.name} ${tag.attributes.map((a) => a.key).join(' ')}>`
    if (tag.name === 'script') assert.equal(type, 'application/ld+json', label)
    assert.notInclude(['svg', 'iframe', 'object', 'embed'], tag.name, label)
    for (const attribute of tag.attributes) {
      assert.notMatch(attribute.key, /^on/, label)
      if (['href', 'src', 'action', 'formaction'].includes(attribute.key)) {
        assert.notMatch(attribute.value, /^\s*(javascript|data|vbscript):/i, label)
      }
      // Images only from our uploads: the prefix, whatever the file.
      if (tag.name === 'img' && attribute.key === 'src')
        assert.match(attribute.value, /^\/uploads\//, label)
    }
  }
}

async function assertNeutralized(
  client: ApiClient,
  assert: any,
  vendor: Vendor,
  topic: Topic,
  ownerPages: string[]
) {
  const profile = await client.get(urlFor('vendors.show', { slug: vendor.slug }))
  profile.assertStatus(200)
  assertInert(assert, profile.text(), 'profile')
  // The text is shown, escaped.
  profile.assertTextIncludes('Böse &lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; GmbH')
  profile.assertTextIncludes('&lt;img src=x onerror=alert(1)&gt; Straße 1')
  profile.assertTextIncludes('<a rel="nofollow noopener">Markdown-Link</a>')
  // JSON-LD cannot be closed from inside.
  const jsonLd = profile
    .text()
    .split('<script type="application/ld+json">')[1]
    .split('</script>')[0]
  assert.notInclude(jsonLd, '<')

  const api = await client.get(urlFor('api.v1.vendors.show', { slug: vendor.slug }))
  api.assertStatus(200)
  assert.match(api.header('content-type'), /^application\/json/)
  const data = api.body().data
  assertInert(assert, data.descriptionHtml, 'API descriptionHtml')
  assert.equal(data.name, PAYLOADS.name)
  assert.notInclude(data.descriptionHtml, 'alert')

  const pages = {
    topic: await client.get(urlFor('topics.show', { slug: topic.slug })),
    search: await client.get(urlFor('search', [], { qs: { q: 'Böse' } })),
  }
  for (const [where, page] of Object.entries(pages)) {
    page.assertStatus(200)
    assertInert(assert, page.text(), where)
    page.assertTextIncludes('Böse &lt;script&gt;')
  }
  for (const html of ownerPages) assertInert(assert, html, 'account page')
}

test.group('Account / stored XSS in vendor fields', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('through the web form, then published: neutralized everywhere', async ({
    client,
    assert,
  }) => {
    const owner = await createUser()
    const topic = await createTopic('Sicherheit')

    const created = await client
      .post(urlFor('account.vendors.store'))
      .form(formFields({ ...PAYLOADS, postalCode: '06108', topicIds: [topic.id] }))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    created.assertStatus(302)
    const vendor = await Vendor.findByOrFail('name', PAYLOADS.name)
    assert.equal(vendor.description, PAYLOADS.description)
    assert.match(vendor.slug, /^boese-script-alert-xss-script-gmbh$/)

    const ownerPages = await Promise.all(
      [
        urlFor('account.vendors.show', { id: vendor.id }),
        urlFor('account.vendors.edit', { id: vendor.id }),
        urlFor('account.vendors.index'),
      ].map((url) =>
        client
          .get(url)
          .loginAs(owner)
          .then((page) => page.text())
      )
    )
    vendor.merge({ status: 'published' })
    await vendor.save()

    await assertNeutralized(client, assert, vendor, topic, ownerPages)
  })

  test('through the API into a revision, then approved: neutralized everywhere, the diff too', async ({
    client,
    assert,
  }) => {
    const topic = await createTopic('Sicherheit')
    const { vendor, owner } = await ownedVendor({
      topics: [topic],
      attributes: { name: 'Harmlos GmbH' },
    })

    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json(PAYLOADS)
      .withGuard('api')
      .loginAs(owner)
    response.assertStatus(200)
    const revision = await VendorRevision.findOrFail(response.body().data.pendingRevision.id)

    const ownerPages = await Promise.all(
      [
        urlFor('account.vendors.show', { id: vendor.id }),
        urlFor('account.vendors.revisions.show', { id: vendor.id, revisionId: revision.id }),
      ].map((url) =>
        client
          .get(url)
          .loginAs(owner)
          .then((page) => page.text())
      )
    )
    assert.include(ownerPages[1], 'Böse &lt;script&gt;')

    await db.transaction(async (trx) => {
      const row = await Vendor.findOrFail(vendor.id, { client: trx })
      await applySnapshot(row, revision.data, trx)
    })
    await assertNeutralized(client, assert, vendor, topic, ownerPages)
  })

  test('the check itself catches each raw payload', ({ assert }) => {
    for (const html of [SCRIPT, IMG, SVG, LINK, '<p onclick="alert(4)">x</p>']) {
      assert.throws(() => assertInert(assert, `<div>${html}</div>`, 'raw'))
    }
    assertInert(assert, '<p>&lt;script&gt; &lt;img src=x onerror=alert(1)&gt;</p>', 'escaped')
  })

  test('payloads in validated fields are refused: {0} = {1}')
    .with([
      ['website', 'javascript:alert(1)'],
      ['website', 'data:text/html,<script>alert(1)</script>'],
      ['phone', '<svg onload=alert(1)>'],
      ['state', '<script>alert(1)</script>'],
      ['country', '<s'],
    ] as const)
    .run(async ({ client, assert }, [field, payload]) => {
      const { vendor, owner } = await ownedVendor({ status: 'draft' })
      const response = await client
        .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
        .json({ [field]: payload })
        .withGuard('api')
        .loginAs(owner)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, field)
    })
})
