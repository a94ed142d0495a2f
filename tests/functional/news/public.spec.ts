import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { DateTime } from 'luxon'
import { TopicFactory } from '#database/factories/topic_factory'
import { absoluteUrl } from '#services/mail/app_url'
import { createVendor } from '#tests/helpers/directory'
import { createNews } from '#tests/helpers/news'
import Keyword from '#models/keyword'

async function socialMedia() {
  return TopicFactory.merge({ slug: 'social-media', name: 'Social Media' }).create()
}

/** The seed item and, in its topic, `others` older published items (newest first: Meldung 1 …). */
async function seedItemWithOthers(others: number) {
  const topic = await socialMedia()
  const item = await createNews(
    {
      slug: 'kommunen-unzureichend-vorbereitet',
      kicker: 'Social Media:',
      title: 'Kommunen unzureichend vorbereitet?',
      publishedOn: DateTime.fromISO('2012-03-09'),
      teaser: 'Viele Rathäuser kennen die Netzwerke noch nicht.',
      body: 'Erster Absatz mit **Betonung**.\n\nZweiter Absatz.',
      sourceLinks: [{ title: 'www.dstgb.de', url: 'http://www.dstgb.de' }],
      imageCredit: 'PEAK',
    },
    [topic],
    ['Social Media', 'komba gewerkschaft']
  )
  const list = []
  for (let i = 1; i <= others; i++) {
    list.push(
      await createNews(
        {
          slug: `andere-${i}`,
          kicker: 'Ort:',
          title: `Andere Meldung ${i}`,
          publishedOn: DateTime.fromISO('2024-02-01').minus({ days: i }),
          teaser: `Anreißer ${i}.`,
        },
        [topic]
      )
    )
  }
  return { topic, item, others: list }
}

function moreTitles(html: string): string[] {
  const section = html.split('class="news-more"')[1]?.split('</section>')[0] ?? ''
  return [...section.matchAll(/class="news-list__title">\s*<a [^>]*>([^<]+)</g)].map((m) =>
    m[1].trim()
  )
}

test.group('News / public pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the news page shows the item, its keywords, links and the topic placement, with no cookie', async ({
    client,
    assert,
  }) => {
    const { topic } = await seedItemWithOthers(1)
    await createVendor(
      { slug: 'datenwerk', name: 'Datenwerk GmbH', postalCode: '06108', city: 'Halle (Saale)' },
      [topic]
    )

    const response = await client.get(
      urlFor('news.show', { slug: 'kommunen-unzureichend-vorbereitet' })
    )
    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const html = response.text()
    assert.include(html, '<span class="news-item__kicker">Social Media:</span>')
    assert.include(html, 'Kommunen unzureichend vorbereitet?')
    assert.include(html, '<time datetime="2012-03-09">[9.3.2012]</time> Viele Rathäuser')
    assert.include(html, '<p>Erster Absatz mit <strong>Betonung</strong>.</p>')
    assert.include(html, '<a href="http://www.dstgb.de" rel="nofollow noopener">www.dstgb.de</a>')
    assert.include(html, 'Bildquelle: PEAK')
    assert.include(
      html,
      `href="${urlFor('keywords.show', { slug: 'social-media' })}">Social Media</a>`
    )
    assert.include(
      html,
      `href="${urlFor('keywords.show', { slug: 'komba-gewerkschaft' })}">komba gewerkschaft</a>`
    )
    assert.include(
      html,
      `href="${urlFor('news.print', { slug: 'kommunen-unzureichend-vorbereitet' })}"`
    )
    assert.include(html, `href="/news/kommunen-unzureichend-vorbereitet.pdf"`)
    const url = absoluteUrl('/news/kommunen-unzureichend-vorbereitet')
    assert.include(
      html,
      `href="mailto:?subject=${encodeURIComponent('Social Media: Kommunen unzureichend vorbereitet?')}&amp;body=${encodeURIComponent(url)}">Link mailen</a>`
    )
    // The topic page's placement: vendor box and ad slot.
    assert.include(html, 'Ausgewählte Anbieter aus dem Bereich Social Media')
    assert.include(html, 'Datenwerk GmbH')
    assert.include(html, '<p class="ad-slot__label" id="ad-slot-label">Anzeige</p>')
    // The search box.
    assert.include(html, 'role="search"')
    assert.include(html, 'action="/search"')
  })

  test('"Weitere Meldungen" lists the 5 latest other published items of its own topic', async ({
    client,
    assert,
  }) => {
    const { topic } = await seedItemWithOthers(7)
    const other = await TopicFactory.create()
    await createNews(
      { title: 'Entwurf', status: 'draft', publishedOn: DateTime.fromISO('2025-01-01') },
      [topic]
    )
    await createNews({ title: 'Anderes Thema', publishedOn: DateTime.fromISO('2025-01-01') }, [
      other,
    ])
    // An item of the topic whose own topic is another one is still an item of this topic.
    await createNews({ title: 'Zweitthema', publishedOn: DateTime.fromISO('2025-01-02') }, [
      other,
      topic,
    ])

    const response = await client.get(
      urlFor('news.show', { slug: 'kommunen-unzureichend-vorbereitet' })
    )
    response.assertStatus(200)
    const titles = moreTitles(response.text())
    assert.deepEqual(titles, [
      'Testort: Zweitthema',
      'Ort: Andere Meldung 1',
      'Ort: Andere Meldung 2',
      'Ort: Andere Meldung 3',
      'Ort: Andere Meldung 4',
    ])
    response.assertTextIncludes('Weitere Meldungen und Beiträge aus dem Bereich Social Media')
    response.assertTextIncludes(`href="${urlFor('topics.news', { slug: topic.slug })}">mehr…`)
  })

  test('a press release says "Anbietermeldung" and links its vendor; JSON-LD and Open Graph describe it', async ({
    client,
    assert,
  }) => {
    const topic = await socialMedia()
    const vendor = await createVendor({ slug: 'datenwerk', name: 'Datenwerk GmbH' }, [topic])
    await createNews(
      { slug: 'neu-bei-datenwerk', title: 'Neu </script> bei Datenwerk', vendorId: vendor.id },
      [topic]
    )
    const response = await client.get(urlFor('news.show', { slug: 'neu-bei-datenwerk' }))
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<strong>Anbietermeldung</strong>')
    assert.include(
      html,
      `<a href="${urlFor('vendors.show', { slug: 'datenwerk' })}">Datenwerk GmbH</a>`
    )
    assert.include(html, '<meta property="og:type" content="article">')
    assert.include(
      html,
      `<meta property="og:url" content="${absoluteUrl('/news/neu-bei-datenwerk')}">`
    )
    const jsonLd = html.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)![1]
    const data = JSON.parse(jsonLd)
    assert.equal(data['@type'], 'NewsArticle')
    assert.equal(data.headline, 'Neu </script> bei Datenwerk')
    assert.equal(data.author.name, 'Datenwerk GmbH')
    assert.equal(data.mainEntityOfPage, absoluteUrl('/news/neu-bei-datenwerk'))
  })

  test('drafts, pending and unknown items are 404 on the page, print and PDF', async ({
    client,
  }) => {
    const topic = await socialMedia()
    await createNews({ slug: 'entwurf', status: 'draft' }, [topic])
    await createNews({ slug: 'wartet', status: 'pending' }, [topic])
    for (const slug of ['entwurf', 'wartet', 'gibt-es-nicht']) {
      for (const name of ['news.show', 'news.print', 'news.pdf'] as const) {
        const response = await client.get(urlFor(name, { slug }))
        response.assertStatus(404)
      }
    }
  })

  test('the print version shows the item without placements or search', async ({
    client,
    assert,
  }) => {
    const { topic } = await seedItemWithOthers(2)
    await createVendor({ name: 'Datenwerk GmbH' }, [topic])
    const response = await client.get(
      urlFor('news.print', { slug: 'kommunen-unzureichend-vorbereitet' })
    )
    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const html = response.text()
    assert.include(html, 'Kommunen unzureichend vorbereitet?')
    assert.include(html, 'komba gewerkschaft')
    assert.include(html, absoluteUrl('/news/kommunen-unzureichend-vorbereitet'))
    assert.notInclude(html, 'vendor-box')
    assert.notInclude(html, 'ad-slot')
    assert.notInclude(html, 'news-more')
    assert.notInclude(html, 'role="search"')
  })

  test('the PDF is a PDF of the item', async ({ client, assert }) => {
    await seedItemWithOthers(0)
    const response = await client.get('/news/kommunen-unzureichend-vorbereitet.pdf')
    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    assert.equal(response.header('content-type'), 'application/pdf')
    const body = Buffer.from(response.body())
    assert.equal(body.subarray(0, 5).toString(), '%PDF-')
    assert.isAbove(body.length, 1000)
  })

  test('the topic page shows "Weitere Meldungen" too', async ({ client, assert }) => {
    const { topic } = await seedItemWithOthers(6)
    const response = await client.get(urlFor('topics.show', { slug: topic.slug }))
    response.assertStatus(200)
    assert.deepEqual(moreTitles(response.text()), [
      'Ort: Andere Meldung 1',
      'Ort: Andere Meldung 2',
      'Ort: Andere Meldung 3',
      'Ort: Andere Meldung 4',
      'Ort: Andere Meldung 5',
    ])
    response.assertTextIncludes('Weitere Meldungen und Beiträge aus dem Bereich Social Media')
  })

  test('the topic news list is paginated, newest first; past the last page is 404', async ({
    client,
    assert,
  }) => {
    const { topic } = await seedItemWithOthers(21)
    const first = await client.get(urlFor('topics.news', { slug: topic.slug }))
    first.assertStatus(200)
    assert.notExists(first.header('set-cookie'))
    first.assertTextIncludes('22 Meldungen')
    first.assertTextIncludes('Andere Meldung 1<')
    first.assertTextIncludes('Andere Meldung 20<')
    assert.notInclude(first.text(), 'Andere Meldung 21<')
    first.assertTextIncludes('rel="next"')

    const second = await client.get(
      urlFor('topics.news', { slug: topic.slug }, { qs: { page: 2 } })
    )
    second.assertStatus(200)
    second.assertTextIncludes('Andere Meldung 21<')
    second.assertTextIncludes('Kommunen unzureichend vorbereitet?')

    const past = await client.get(urlFor('topics.news', { slug: topic.slug }, { qs: { page: 3 } }))
    past.assertStatus(404)
    const unknown = await client.get(urlFor('topics.news', { slug: 'gibt-es-nicht' }))
    unknown.assertStatus(404)
  })

  test('a keyword page lists its published news and published vendors', async ({
    client,
    assert,
  }) => {
    const { topic } = await seedItemWithOthers(0)
    await createNews(
      { title: 'Unveröffentlicht', status: 'draft' },
      [topic],
      ['komba gewerkschaft']
    )
    const keyword = await Keyword.findByOrFail('slug', 'komba-gewerkschaft')
    const listed = await createVendor({ name: 'Gelistet GmbH' }, [topic])
    const hidden = await createVendor({ name: 'Entwurf GmbH', status: 'draft' }, [topic])
    await listed.related('keywords').attach([keyword.id])
    await hidden.related('keywords').attach([keyword.id])

    const response = await client.get(urlFor('keywords.show', { slug: 'komba-gewerkschaft' }))
    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const html = response.text()
    assert.include(html, 'Stichwort: komba gewerkschaft')
    assert.include(html, 'Social Media: Kommunen unzureichend vorbereitet?')
    assert.include(
      html,
      `href="${urlFor('vendors.show', { slug: listed.slug })}">Gelistet GmbH</a>`
    )
    assert.notInclude(html, 'Unveröffentlicht')
    assert.notInclude(html, 'Entwurf GmbH')

    const unknown = await client.get(urlFor('keywords.show', { slug: 'gibt-es-nicht' }))
    unknown.assertStatus(404)
  })

  test('published items are in the sitemap, others are not', async ({ client, assert }) => {
    const topic = await socialMedia()
    await createNews({ slug: 'oeffentlich' }, [topic])
    await createNews({ slug: 'entwurf', status: 'draft' }, [topic])
    const response = await client.get(urlFor('sitemap'))
    response.assertStatus(200)
    response.assertTextIncludes(absoluteUrl('/news/oeffentlich'))
    assert.notInclude(response.text(), absoluteUrl('/news/entwurf'))
  })

  test('the pages speak English with ?lang=en', async ({ client }) => {
    await seedItemWithOthers(1)
    const response = await client.get(
      urlFor('news.show', { slug: 'kommunen-unzureichend-vorbereitet' }, { qs: { lang: 'en' } })
    )
    response.assertStatus(200)
    response.assertTextIncludes('More news and articles on Social Media')
    response.assertTextIncludes('Print version')
    response.assertTextIncludes('E-mail link')
    response.assertTextIncludes('Keywords:')
    response.assertTextIncludes('[9 Mar 2012]')
  })
})
