import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { SeparateServer } from '#tests/helpers/separate_server'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Booking from '#models/booking'
import BookingWeek from '#models/booking_week'
import BillingDetail from '#models/billing_detail'
import Slot from '#models/slot'
import User from '#models/user'
import { weekUse } from '#services/booking/capacity'
import { quote } from '#services/booking/pricing'
import { upcomingWeeks } from './fixtures.js'

/**
 * The capacity guarantee across real parallel requests. A separately
 * started server process (SeparateServer: node bin/server.js) runs on a
 * database of its own, migrated fresh: on SQLite its own file, on
 * PostgreSQL "<PG_DB_NAME>_race". Nothing runs in a test transaction: the
 * server commits, and the test reads what it committed.
 */

const REQUESTS = 50
const RACE = 'race'
const PASSWORD = 'race-password-2026'

const server = new SeparateServer(RACE)

/**
 * An advertiser with billing details, and a slot of capacity 3 whose next
 * week already holds two approved shares: exactly one is free.
 */
async function seedRace() {
  const options = { connection: RACE }
  const user = await User.create(
    {
      name: 'Race Advertiser',
      email: 'race@example.test',
      password: PASSWORD,
      role: 'member',
      locale: 'de',
      emailVerifiedAt: DateTime.now(),
    },
    options
  )
  await BillingDetail.create(
    {
      userId: user.id,
      company: 'Race GmbH',
      street: 'Hauptstraße 1',
      postalCode: '06108',
      city: 'Halle (Saale)',
      country: 'DE',
      invoiceEmail: 'rechnung@race.example.test',
    },
    options
  )
  const slot = await Slot.create(
    { topicId: null, position: 'sidebar', format: '300x250', capacity: 3, priceCents: 10_000 },
    options
  )
  const [week] = upcomingWeeks(1)
  for (let i = 0; i < 2; i++) {
    const booking = await Booking.create(
      {
        slotId: slot.id,
        userId: user.id,
        status: 'approved',
        creativeKind: 'text',
        headline: `Bestehend ${i}`,
        body: 'Schon gebucht.',
        targetUrl: 'https://example.com/',
        priceCents: 10_000,
        ...quote(10_000, 1),
      },
      options
    )
    await BookingWeek.create({ bookingId: booking.id, slotId: slot.id, week }, options)
  }
  await db.manager.close(RACE)
  return { slot, week }
}

test.group('Bookings / capacity under concurrency (separate server)', (group) => {
  group.teardown(() => server.cleanup())

  test('50 parallel requests for the last free share: exactly one 201 and 49 × 409', async ({
    assert,
  }) => {
    await server.prepare()
    const { slot, week } = await seedRace()
    await server.start()
    const base = server.base

    const login = await fetch(`${base}${urlFor('api.v1.auth.tokens.store')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept': 'application/json' },
      body: JSON.stringify({ email: 'race@example.test', password: PASSWORD }),
    })
    assert.equal(login.status, 201)
    const { token } = ((await login.json()) as { data: { token: string } }).data

    const body = JSON.stringify({
      slotId: slot.id,
      weeks: [week],
      creative: {
        kind: 'text',
        headline: 'Schnell',
        body: 'Wer zuerst kommt.',
        url: 'https://example.com/',
      },
    })
    // Open the connections first, so the requests themselves arrive together.
    await Promise.all(
      Array.from({ length: REQUESTS }, () => fetch(`${base}/ping`).then((r) => r.text()))
    )
    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, () =>
        fetch(`${base}${urlFor('api.v1.bookings.store')}`, {
          method: 'POST',
          headers: {
            'authorization': `Bearer ${token}`,
            'content-type': 'application/json',
            'accept': 'application/json',
          },
          body,
        }).then(async (response) => ({
          status: response.status,
          body: (await response.json()) as { errors?: { field: string }[] },
        }))
      )
    )

    const statuses = answers.map((answer) => answer.status)
    assert.equal(statuses.filter((status) => status === 201).length, 1, statuses.join(' '))
    assert.equal(statuses.filter((status) => status === 409).length, REQUESTS - 1)
    for (const answer of answers.filter((entry) => entry.status === 409)) {
      assert.equal(answer.body.errors?.[0]?.field, 'weeks')
    }

    // The week now shows its capacity fully used, in the server's database.
    const use = await weekUse([slot.id], [week], db.connection(RACE))
    assert.deepEqual(use.get(slot.id)?.get(week), { booked: 2, held: 1 })
    const rows = await db.connection(RACE).from('booking_weeks').where('week', week).count('* as n')
    assert.equal(Number(rows[0].n), 3)
    await db.manager.close(RACE)

    // And the rate card of that server marks it fully booked.
    const card = await fetch(`${base}${urlFor('advertise')}`)
    const html = await card.text()
    const slotSection = html.slice(html.indexOf(`id="slot-${slot.id}"`))
    assert.match(slotSection, new RegExp(`data-week="${week}"[^>]*data-full="true"`))
  }).timeout(180_000)
})
