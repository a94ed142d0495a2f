import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { SlotFactory } from '#database/factories/slot_factory'
import { TopicFactory } from '#database/factories/topic_factory'
import { germanWeekLabel } from '#services/booking/iso_week'
import { fillWeeks, upcomingWeeks } from './fixtures.js'

/** Money is written with a no-break space before the €; a reader sees a space. */
function plain(html: string) {
  return html.replace(/\u00a0/g, ' ')
}

test.group('Rate card / public', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists every active slot with 26 weeks, free shares and price; no cookies', async ({
    client,
    assert,
  }) => {
    const topic = await TopicFactory.merge({ name: 'Social Media', slug: 'social-media' }).create()
    const sidebar = await SlotFactory.merge({ topicId: topic.id, priceCents: 25_000 }).create()
    const box = await SlotFactory.merge({ topicId: topic.id }).apply('vendorBox').create()
    const inactive = await SlotFactory.apply('inactive').create()
    const weeks = upcomingWeeks(26)
    await fillWeeks(sidebar, [weeks[1]])
    await fillWeeks(sidebar, [weeks[2]], 1)

    const response = await client.get(urlFor('advertise'))

    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const html = plain(response.text())
    assert.include(html, `id="slot-${sidebar.id}"`)
    assert.include(html, `id="slot-${box.id}"`)
    assert.notInclude(html, `id="slot-${inactive.id}"`)
    const card = html.slice(
      html.indexOf(`id="slot-${sidebar.id}"`),
      html.indexOf(`id="slot-${box.id}"`)
    )
    assert.equal(card.match(/data-week="/g)?.length, 26)
    assert.include(card, '250,00 €')
    assert.match(
      card,
      new RegExp(`data-week="${weeks[1]}" data-full="true"[\\s\\S]*?disabled[\\s\\S]*?ausgebucht`)
    )
    assert.match(
      card,
      new RegExp(`data-week="${weeks[2]}" data-full="false"[\\s\\S]*?2 von 3 frei`)
    )
    assert.include(card, germanWeekLabel(weeks[0]))

    const english = await client.get(urlFor('advertise', undefined, { qs: { lang: 'en' } }))
    const englishHtml = plain(english.text())
    assert.include(englishHtml, 'Advertise in the vendor directory')
    assert.include(englishHtml, '€250.00 net per share and week')
    assert.match(englishHtml, new RegExp(`data-week="${weeks[1]}"[\\s\\S]*?fully booked`))
  })

  test('?topic= shows that topic’s slots and the run-of-site ones; unknown topics are 404', async ({
    client,
    assert,
  }) => {
    const social = await TopicFactory.merge({ slug: 'social-media', name: 'Social Media' }).create()
    const other = await TopicFactory.create()
    const own = await SlotFactory.merge({ topicId: social.id }).create()
    const foreign = await SlotFactory.merge({ topicId: other.id }).create()
    const everywhere = await SlotFactory.apply('runOfSite').create()

    const response = await client.get(
      urlFor('advertise', undefined, { qs: { topic: 'social-media' } })
    )

    response.assertStatus(200)
    const html = plain(response.text())
    assert.include(html, `id="slot-${own.id}"`)
    assert.include(html, `id="slot-${everywhere.id}"`)
    assert.notInclude(html, `id="slot-${foreign.id}"`)
    assert.include(html, 'Anzeigenplätze: Social Media')

    const unknown = await client.get(
      urlFor('advertise', undefined, { qs: { topic: 'gibt-es-nicht' } })
    )
    unknown.assertStatus(404)
  })

  test('the quote shows weeks × price, net, VAT and gross and links to the booking form', async ({
    client,
    assert,
  }) => {
    const slot = await SlotFactory.merge({ priceCents: 25_000 }).create()
    const weeks = upcomingWeeks(2)

    const response = await client.get(
      `${urlFor('advertise.quote')}?slot=${slot.id}&weeks=${weeks[0]}&weeks=${weeks[1]}`
    )

    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const html = plain(response.text())
    assert.include(html, '2 Wochen × 250,00 €')
    assert.match(html, /data-amount="net">500,00 €/)
    assert.match(html, /data-amount="vat">95,00 €/)
    assert.match(html, /data-amount="gross"><strong>595,00 €/)
    const book = urlFor('account.bookings.create', undefined, {
      qs: { slot: slot.id, weeks },
    })
    assert.include(html, `href="${book.replace(/&/g, '&amp;')}"`)
  })

  test('a quote with a full week, a past week or an unknown slot answers 422 with a message', async ({
    client,
    assert,
  }) => {
    const slot = await SlotFactory.create()
    const weeks = upcomingWeeks(2)
    await fillWeeks(slot, [weeks[1]])

    const full = await client.get(
      `${urlFor('advertise.quote')}?slot=${slot.id}&weeks=${weeks[0]}&weeks=${weeks[1]}`
    )
    full.assertStatus(422)
    assert.include(full.text(), `Diese Wochen sind inzwischen ausgebucht: ${weeks[1]}`)
    assert.notInclude(full.text(), 'Jetzt buchen')

    const past = await client.get(`${urlFor('advertise.quote')}?slot=${slot.id}&weeks=2020-W01`)
    past.assertStatus(422)
    assert.include(past.text(), 'nicht: 2020-W01')

    const unknown = await client.get(`${urlFor('advertise.quote')}?slot=999999&weeks=${weeks[0]}`)
    unknown.assertStatus(422)
    assert.include(unknown.text(), 'Diesen Anzeigenplatz gibt es nicht oder er ist nicht buchbar.')
  })
})
