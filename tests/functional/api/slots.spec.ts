import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { SlotFactory } from '#database/factories/slot_factory'
import { TopicFactory } from '#database/factories/topic_factory'
import { BookingFactory, bookWeeks } from '#database/factories/booking_factory'
import { bookingWindow } from '#services/booking/capacity'
import { addWeeks, weekRange } from '#services/booking/iso_week'
import { createUser } from '#tests/helpers/users'

type SlotJson = { id: number; topic: string | null }

function availabilityUrl(id: number, qs: Record<string, string | number> = {}) {
  return urlFor('api.v1.slots.availability', { id }, { qs })
}

test.group('API / slots', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('GET /api/v1/slots?topic= lists the active slots of that topic page: its own and run of site', async ({
    client,
    assert,
  }) => {
    const social = await TopicFactory.merge({ slug: 'social-media', name: 'Social Media' }).create()
    const other = await TopicFactory.create()
    const sidebar = await SlotFactory.merge({ topicId: social.id, priceCents: 19_000 }).create()
    const box = await SlotFactory.merge({ topicId: social.id }).apply('vendorBox').create()
    const everywhere = await SlotFactory.apply('runOfSite').create()
    await SlotFactory.merge({ topicId: social.id }).apply('inactive').create()
    const elsewhere = await SlotFactory.merge({ topicId: other.id }).create()

    const response = await client.get(
      urlFor('api.v1.slots.index', {}, { qs: { topic: 'social-media' } })
    )

    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const data: SlotJson[] = response.body().data
    assert.sameMembers(
      data.map((slot) => slot.id),
      [sidebar.id, box.id, everywhere.id]
    )
    assert.deepEqual(
      data.find((slot) => slot.id === sidebar.id),
      {
        id: sidebar.id,
        topic: 'social-media',
        position: 'sidebar',
        format: '300x250',
        capacity: 3,
        priceCents: 19_000,
        active: true,
      }
    )
    assert.deepInclude(
      data.find((slot) => slot.id === box.id)!,
      {
        position: 'vendor_box',
        format: null,
        capacity: 2,
      }
    )
    assert.isNull(data.find((slot) => slot.id === everywhere.id)!.topic)

    const all = await client.get(urlFor('api.v1.slots.index'))
    all.assertStatus(200)
    assert.sameMembers(
      all.body().data.map((slot: SlotJson) => slot.id),
      [sidebar.id, box.id, everywhere.id, elsewhere.id]
    )
  })

  test('an unknown topic is a 422 with the field named', async ({ client }) => {
    const response = await client.get(urlFor('api.v1.slots.index', {}, { qs: { topic: 'nope' } }))
    response.assertStatus(422)
    response.assertBody({ errors: [{ field: 'topic', message: 'Dieses Thema gibt es nicht.' }] })
  })

  test('availability: from next week for 26 weeks by default, with booked, held and free shares', async ({
    client,
    assert,
  }) => {
    const slot = await SlotFactory.merge({ capacity: 3, priceCents: 19_000 }).create()
    const { first } = bookingWindow()
    const second = addWeeks(first, 1)
    await bookWeeks(await BookingFactory.merge({ slotId: slot.id }).apply('approved').create(), [
      first,
      second,
    ])
    await bookWeeks(await BookingFactory.merge({ slotId: slot.id }).create(), [first])
    await bookWeeks(await BookingFactory.merge({ slotId: slot.id }).apply('expired').create(), [
      first,
    ])
    await bookWeeks(await BookingFactory.merge({ slotId: slot.id }).apply('cancelled').create(), [
      second,
    ])

    const response = await client.get(availabilityUrl(slot.id))

    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const data = response.body().data
    assert.lengthOf(data, 26)
    assert.deepEqual(
      data.map((week: { week: string }) => week.week),
      weekRange(first, 26)
    )
    assert.deepEqual(data[0], {
      week: first,
      capacity: 3,
      booked: 1,
      held: 1,
      free: 1,
      priceCents: 19_000,
    })
    assert.deepEqual(data[1], {
      week: second,
      capacity: 3,
      booked: 1,
      held: 0,
      free: 2,
      priceCents: 19_000,
    })
    assert.deepInclude(data[2], { booked: 0, held: 0, free: 3 })
  })

  test('availability from a given week for a given number of weeks; up to the window end', async ({
    client,
    assert,
  }) => {
    const slot = await SlotFactory.create()
    const { first, last } = bookingWindow()
    const from = addWeeks(first, 4)

    const response = await client.get(availabilityUrl(slot.id, { from, weeks: 8 }))
    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((week: { week: string }) => week.week),
      weekRange(from, 8)
    )

    const lastWeek = await client.get(availabilityUrl(slot.id, { from: last, weeks: 1 }))
    lastWeek.assertStatus(200)
    assert.deepEqual(
      lastWeek.body().data.map((week: { week: string }) => week.week),
      [last]
    )

    // Without `weeks`, the answer stops where booking stops.
    const tail = await client.get(availabilityUrl(slot.id, { from: addWeeks(last, -2) }))
    tail.assertStatus(200)
    assert.lengthOf(tail.body().data, 3)
  })

  test('malformed or out-of-window from/weeks are 422 with a message per field', async ({
    client,
    assert,
  }) => {
    const slot = await SlotFactory.create()
    const { first, last } = bookingWindow()
    const cases: [Record<string, string | number>, string, string][] = [
      [{ from: '2027-02' }, 'from', 'Die Woche wird als Kalenderwoche angegeben, z. B. 2027-W02.'],
      [{ from: '2027-W54' }, 'from', 'Die Woche wird als Kalenderwoche angegeben, z. B. 2027-W02.'],
      [{ from: addWeeks(first, -1) }, 'from', `Buchbar sind die Wochen ${first} bis ${last}.`],
      [{ from: addWeeks(last, 1) }, 'from', `Buchbar sind die Wochen ${first} bis ${last}.`],
      [{ weeks: 0 }, 'weeks', 'Es muss mindestens 1 Woche sein.'],
      [{ weeks: 53 }, 'weeks', 'Es dürfen höchstens 52 Wochen sein.'],
      [{ weeks: 'viele' }, 'weeks', '„Wochen“ ist eine ganze Zahl von 1 bis 52.'],
      [
        { from: addWeeks(last, -1), weeks: 3 },
        'weeks',
        `Buchbar ist bis ${last}: ab dieser ersten Woche sind es höchstens 2 Wochen.`,
      ],
    ]
    for (const [qs, field, message] of cases) {
      const response = await client.get(availabilityUrl(slot.id, qs))
      response.assertStatus(422)
      assert.deepEqual(response.body(), { errors: [{ field, message }] }, JSON.stringify(qs))
    }

    const english = await client.get(availabilityUrl(slot.id, { weeks: 53, lang: 'en' }))
    english.assertStatus(422)
    english.assertBody({ errors: [{ field: 'weeks', message: 'It may be at most 52 weeks.' }] })
  })

  test('unknown and inactive slots are 404', async ({ client }) => {
    const inactive = await SlotFactory.apply('inactive').create()
    for (const id of [999999, inactive.id]) {
      const response = await client.get(availabilityUrl(id))
      response.assertStatus(404)
      response.assertBody({ errors: [{ field: null, message: 'Seite nicht gefunden' }] })
    }
  })

  test('signed-in callers with a token get the same answers', async ({ client, assert }) => {
    const user = await createUser()
    const slot = await SlotFactory.create()
    const response = await client
      .get(availabilityUrl(slot.id, { weeks: 2 }))
      .withGuard('api')
      .loginAs(user)
    response.assertStatus(200)
    assert.lengthOf(response.body().data, 2)
  })
})
