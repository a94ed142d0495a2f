import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  formatKeywords,
  formatSourceLinks,
  parseKeywords,
  parseSourceLinks,
} from '#services/news/news_input'
import { formatNewsDate } from '#services/news/news_date'
import { plainParagraphs } from '#services/documents/news_pdf'
import { mailtoLink } from '#queries/news_listing'

test.group('News input', () => {
  test('keywords: in the order given, trimmed, each once by slug, blanks dropped', ({ assert }) => {
    assert.deepEqual(
      parseKeywords(
        ' Social Media, Deutscher Städte- und Gemeindebund (DStGB);  komba  gewerkschaft ,, social media\nX'
      ),
      [
        { slug: 'social-media', name: 'Social Media' },
        {
          slug: 'deutscher-staedte-und-gemeindebund-dstgb',
          name: 'Deutscher Städte- und Gemeindebund (DStGB)',
        },
        { slug: 'komba-gewerkschaft', name: 'komba gewerkschaft' },
        { slug: 'x', name: 'X' },
      ]
    )
    assert.deepEqual(parseKeywords(''), [])
    assert.deepEqual(parseKeywords(undefined), [])
    assert.equal(formatKeywords([{ name: 'A' }, { name: 'B c' }]), 'A, B c')
  })

  test('source links: "Title | URL" or a bare URL; anything but http(s) is reported by line', ({
    assert,
  }) => {
    const { links, invalidLines } = parseSourceLinks(
      'DStGB | http://www.dstgb.de\n\nhttps://www.komba.de/\nA | B | https://example.org/x'
    )
    assert.deepEqual(links, [
      { title: 'DStGB', url: 'http://www.dstgb.de/' },
      { title: 'www.komba.de', url: 'https://www.komba.de/' },
      { title: 'A | B', url: 'https://example.org/x' },
    ])
    assert.deepEqual(invalidLines, [])

    const bad = parseSourceLinks(
      'ok | https://a.example\njavascript:alert(1)\nx | data:text/html,1\nwww.ohne-schema.de'
    )
    assert.deepEqual(bad.invalidLines, [2, 3, 4])
    assert.equal(
      formatSourceLinks([{ title: 'DStGB', url: 'http://www.dstgb.de/' }]),
      'DStGB | http://www.dstgb.de/'
    )
  })

  test('dates read as the portal prints them', ({ assert }) => {
    const day = DateTime.fromISO('2012-03-09')
    assert.equal(formatNewsDate(day, 'de'), '9.3.2012')
    assert.equal(formatNewsDate(day, 'en'), '9 Mar 2012')
  })

  test('"Link mailen" carries the subject and the URL, encoded', ({ assert }) => {
    assert.equal(
      mailtoLink('Social Media: Kommunen?', 'https://portal.example/news/x?a=1&b=2'),
      'mailto:?subject=Social%20Media%3A%20Kommunen%3F&body=https%3A%2F%2Fportal.example%2Fnews%2Fx%3Fa%3D1%26b%3D2'
    )
  })

  test('the PDF shows Markdown as plain paragraphs, links with their address, no tags', ({
    assert,
  }) => {
    assert.deepEqual(
      plainParagraphs(
        '# Titel\n\nText mit **fett** und [Link](https://example.org)\nweiter.\n\n- eins\n- zwei\n\n<script>x</script>'
      ),
      ['Titel', 'Text mit fett und Link (https://example.org) weiter.', '• eins • zwei', 'x']
    )
  })
})
