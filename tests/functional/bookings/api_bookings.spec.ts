import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import drive from '@adonisjs/drive/services/main'
import mail from '@adonisjs/mail/services/main'
import AuditLog from '#models/audit_log'
import Booking from '#models/booking'
import Invoice from '#models/invoice'
import { SlotFactory } from '#database/factories/slot_factory'
import { createUser } from '#tests/helpers/users'
import { addWeeks, weekOf } from '#services/booking/iso_week'
import { creativeImageUrl } from '#services/booking/creative_url'
import {
  advertiser,
  bookingOf,
  fillWeeks,
  png,
  storedCounts,
  textCreative,
  upcomingWeeks,
} from './fixtures.js'

test.group('API / bookings', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    drive.fake()
    return () => {
      mail.restore()
      drive.restore()
    }
  })

  test('POST /api/v1/bookings holds one share per week and answers the booking', async ({
    client,
    assert,
  }) => {
    const user = await advertiser()
    const slot = await SlotFactory.merge({ priceCents: 12_345 }).create()
    const weeks = upcomingWeeks(3).slice(1)

    const response = await client
      .post(urlFor('api.v1.bookings.store'))
      .json({ slotId: slot.id, weeks: [...weeks].reverse(), creative: textCreative() })
      .withGuard('api')
      .loginAs(user)

    response.assertStatus(201)
    assert.notExists(response.header('set-cookie'))
    const data = response.body().data
    const booking = await Booking.findOrFail(data.id)
    const topic = await slot.related('topic').query().firstOrFail()
    assert.deepEqual(data, {
      id: booking.id,
      status: 'requested',
      slotId: slot.id,
      topic: topic.slug,
      position: 'sidebar',
      weeks,
      netCents: 24_690,
      vatCents: 4_691,
      grossCents: 29_381,
      holdExpiresAt: booking.holdExpiresAt!.toUTC().toISO(),
      impressionCap: null,
      creative: textCreative(),
    })
    const hours = booking.holdExpiresAt!.diff(DateTime.now(), 'hours').hours
    assert.closeTo(hours, 72, 0.1)
    assert.equal(booking.userId, user.id)
    const audit = await AuditLog.query().where('subject_type', 'booking').firstOrFail()
    assert.equal(audit.action, 'booking.requested')
  })

  test('a booking with one full week is refused whole with 409 naming the week', async ({
    client,
    assert,
  }) => {
    const user = await advertiser()
    const slot = await SlotFactory.create()
    const weeks = upcomingWeeks(3)
    await fillWeeks(slot, [weeks[1]])
    const before = await storedCounts()

    const response = await client
      .post(urlFor('api.v1.bookings.store'))
      .json({ slotId: slot.id, weeks, creative: textCreative() })
      .withGuard('api')
      .loginAs(user)

    response.assertStatus(409)
    assert.deepEqual(response.body(), {
      errors: [
        {
          field: 'weeks',
          message: `Diese Wochen sind ausgebucht: KW ${Number(weeks[1].slice(6))}/${weeks[1].slice(0, 4)} (${weeks[1]}). Es wurde nichts gebucht.`,
        },
      ],
    })
    assert.deepEqual(await storedCounts(), before)

    // In English the week is named as the API writes it.
    const english = await client
      .post(urlFor('api.v1.bookings.store'))
      .qs({ lang: 'en' })
      .json({ slotId: slot.id, weeks, creative: textCreative() })
      .withGuard('api')
      .loginAs(user)
    english.assertStatus(409)
    assert.equal(
      english.body().errors[0].message,
      `These weeks are fully booked: ${weeks[1]}. Nothing was booked.`
    )
  })

  test('bad input gets 422 with a message by the field, and nothing is stored: {0}')
    .with([
      ['a week in the past', () => ({ weeks: [addWeeks(weekOf(DateTime.now()), -1)] }), 'weeks'],
      ['the current week', () => ({ weeks: [weekOf(DateTime.now())] }), 'weeks'],
      ['53 weeks ahead', () => ({ weeks: [addWeeks(weekOf(DateTime.now()), 53)] }), 'weeks'],
      ['a malformed week', () => ({ weeks: ['2027-02'] }), 'weeks'],
      ['no weeks', () => ({ weeks: [] }), 'weeks'],
      ['an unknown slot', () => ({ slotId: 999_999 }), 'slotId'],
      ['an http:// URL', () => ({ creative: textCreative('http://example.com') }), 'creative.url'],
      [
        'a javascript: URL',
        () => ({ creative: textCreative('javascript:alert(1)') }),
        'creative.url',
      ],
      [
        'a headline over 60 characters',
        () => ({ creative: { ...textCreative(), headline: 'x'.repeat(61) } }),
        'creative.headline',
      ],
      [
        'a body over 140 characters',
        () => ({ creative: { ...textCreative(), body: 'x'.repeat(141) } }),
        'creative.body',
      ],
    ] as const)
    .run(async ({ client, assert }, [, change, field]) => {
      const user = await advertiser()
      const slot = await SlotFactory.create()
      const before = await storedCounts()

      const response = await client
        .post(urlFor('api.v1.bookings.store'))
        .json({ slotId: slot.id, weeks: upcomingWeeks(1), creative: textCreative(), ...change() })
        .withGuard('api')
        .loginAs(user)

      response.assertStatus(422)
      const errors = response.body().errors as { field: string; message: string }[]
      const error = errors.find((entry) => entry.field === field)
      assert.exists(error, JSON.stringify(errors))
      assert.isAbove(error!.message.length, 10)
      assert.notInclude(error!.message, field)
      assert.deepEqual(await storedCounts(), before)
    })

  test('a lapsed hold no longer blocks its share', async ({ client, assert }) => {
    const user = await advertiser()
    const slot = await SlotFactory.merge({ capacity: 1 }).create()
    const weeks = upcomingWeeks(1)
    const lapsed = await bookingOf(await advertiser(), slot, weeks, 'expired')

    const response = await client
      .post(urlFor('api.v1.bookings.store'))
      .json({ slotId: slot.id, weeks, creative: textCreative() })
      .withGuard('api')
      .loginAs(user)

    response.assertStatus(201)
    await lapsed.refresh()
    assert.equal(lapsed.status, 'requested')
    assert.equal(lapsed.statusAt(), 'expired')
  })

  test('an inactive slot cannot be booked', async ({ client, assert }) => {
    const user = await advertiser()
    const slot = await SlotFactory.apply('inactive').create()

    const response = await client
      .post(urlFor('api.v1.bookings.store'))
      .json({ slotId: slot.id, weeks: upcomingWeeks(1), creative: textCreative() })
      .withGuard('api')
      .loginAs(user)

    response.assertStatus(422)
    assert.deepEqual(response.body().errors, [
      { field: 'slotId', message: 'Diesen Anzeigenplatz gibt es nicht oder er ist nicht buchbar.' },
    ])
    assert.deepInclude(await storedCounts(), { bookings: 0 })
  })

  test('an image ad of the exact format is stored through drive and served under /uploads', async ({
    client,
    assert,
  }) => {
    const user = await advertiser()
    const slot = await SlotFactory.create()
    const weeks = upcomingWeeks(1)

    const response = await client
      .post(urlFor('api.v1.bookings.store'))
      .field('slotId', String(slot.id))
      .field('weeks[]', weeks[0])
      .field('creative[kind]', 'image')
      .field('creative[alt]', 'Logo der Firma')
      .field('creative[url]', 'https://example.com/')
      .file('image', await png(300, 250), { filename: 'ad.png', contentType: 'image/png' })
      .withGuard('api')
      .loginAs(user)

    response.assertStatus(201)
    const booking = await Booking.findOrFail(response.body().data.id)
    assert.match(booking.imagePath!, /^creatives\/[0-9a-f]{24}\.png$/)
    assert.deepEqual(response.body().data.creative, {
      kind: 'image',
      alt: 'Logo der Firma',
      url: 'https://example.com/',
      imageUrl: creativeImageUrl(booking.imagePath),
    })
    assert.match(response.body().data.creative.imageUrl, /^\/uploads\/creatives\//)
    assert.isTrue(await drive.use().exists(booking.imagePath!))
  })

  test('an image ad for a full week is refused and its upload removed', async ({
    client,
    assert,
  }) => {
    const user = await advertiser()
    const slot = await SlotFactory.create()
    const weeks = upcomingWeeks(1)
    await fillWeeks(slot, weeks)

    const response = await client
      .post(urlFor('api.v1.bookings.store'))
      .field('slotId', String(slot.id))
      .field('weeks[]', weeks[0])
      .field('creative[kind]', 'image')
      .field('creative[alt]', 'Logo der Firma')
      .field('creative[url]', 'https://example.com/')
      .file('image', await png(300, 250), { filename: 'ad.png', contentType: 'image/png' })
      .withGuard('api')
      .loginAs(user)

    response.assertStatus(409)
    const { objects } = await drive.use().listAll('creatives', { recursive: true })
    assert.lengthOf([...objects], 0)
  })

  test('image ads are refused: {0}')
    .with([
      ['wrong size', () => png(300, 251), 'ad.png', 'image/png', 'genau 300 × 250 Pixel'],
      ['not an image', async () => Buffer.from('kein Bild'), 'ad.png', 'image/png', 'PNG, JPEG'],
      ['over 300 kB', async () => Buffer.alloc(301 * 1024, 1), 'ad.png', 'image/png', '300 kB'],
      ['a GIF', async () => Buffer.from('GIF89a'), 'ad.gif', 'image/gif', 'PNG, JPEG'],
    ] as const)
    .run(async ({ client, assert }, [, content, filename, contentType, message]) => {
      const user = await advertiser()
      const slot = await SlotFactory.create()

      const response = await client
        .post(urlFor('api.v1.bookings.store'))
        .field('slotId', String(slot.id))
        .field('weeks[]', upcomingWeeks(1)[0])
        .field('creative[kind]', 'image')
        .field('creative[alt]', 'Logo')
        .field('creative[url]', 'https://example.com/')
        .file('image', await content(), { filename, contentType })
        .withGuard('api')
        .loginAs(user)

      response.assertStatus(422)
      const errors = response.body().errors as { field: string; message: string }[]
      assert.equal(errors[0].field, 'image')
      assert.include(errors[0].message, message)
      assert.deepInclude(await storedCounts(), { bookings: 0 })
    })

  test('a 20 MB upload is refused before it is stored', async ({ client, assert }) => {
    const user = await advertiser()
    const slot = await SlotFactory.create()

    const response = await client
      .post(urlFor('api.v1.bookings.store'))
      .field('slotId', String(slot.id))
      .field('weeks[]', upcomingWeeks(1)[0])
      .field('creative[kind]', 'image')
      .field('creative[alt]', 'Logo')
      .field('creative[url]', 'https://example.com/')
      .file('image', Buffer.alloc(20 * 1024 * 1024, 1), {
        filename: 'ad.png',
        contentType: 'image/png',
      })
      .withGuard('api')
      .loginAs(user)

    assert.oneOf(response.status(), [413, 422])
    assert.isArray(response.body().errors)
    assert.deepInclude(await storedCounts(), { bookings: 0 })
  })

  test('unconfirmed members may not book; without billing details booking is refused', async ({
    client,
    assert,
  }) => {
    const slot = await SlotFactory.create()
    const unconfirmed = await advertiser({ confirmed: false })
    const refused = await client
      .post(urlFor('api.v1.bookings.store'))
      .json({ slotId: slot.id, weeks: upcomingWeeks(1), creative: textCreative() })
      .withGuard('api')
      .loginAs(unconfirmed)
    refused.assertStatus(403)
    assert.equal(
      refused.body().errors[0].message,
      'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse; danach können Sie buchen.'
    )

    const noBilling = await createUser()
    const missing = await client
      .post(urlFor('api.v1.bookings.store'))
      .json({ slotId: slot.id, weeks: upcomingWeeks(1), creative: textCreative() })
      .withGuard('api')
      .loginAs(noBilling)
    missing.assertStatus(422)
    assert.deepEqual(missing.body().errors, [
      { field: 'billing', message: 'Bitte hinterlegen Sie zuerst Ihre Rechnungsdaten.' },
    ])
    assert.deepInclude(await storedCounts(), { bookings: 0 })

    const guest = await client
      .post(urlFor('api.v1.bookings.store'))
      .json({ slotId: slot.id, weeks: upcomingWeeks(1), creative: textCreative() })
    guest.assertStatus(401)
  })

  test('GET lists and shows only the caller’s own bookings; others are 404', async ({
    client,
    assert,
  }) => {
    const [alice, bob] = [await advertiser(), await advertiser()]
    const slot = await SlotFactory.create()
    const own = await bookingOf(alice, slot, upcomingWeeks(2), 'approved')
    const foreign = await bookingOf(bob, slot, upcomingWeeks(1))

    const list = await client.get(urlFor('api.v1.bookings.index')).withGuard('api').loginAs(alice)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((row: { id: number; status: string }) => [row.id, row.status]),
      [[own.id, 'approved']]
    )

    const show = await client
      .get(urlFor('api.v1.bookings.show', { id: own.id }))
      .withGuard('api')
      .loginAs(alice)
    show.assertStatus(200)
    assert.deepEqual(show.body().data.weeks, upcomingWeeks(2))

    for (const request of [
      client.get(urlFor('api.v1.bookings.show', { id: foreign.id })),
      client.delete(urlFor('api.v1.bookings.destroy', { id: foreign.id })),
    ]) {
      const response = await request.withGuard('api').loginAs(alice)
      response.assertStatus(404)
    }
    await foreign.refresh()
    assert.equal(foreign.status, 'requested')
  })

  test('the API reports the computed status: live, ended, expired', async ({ client, assert }) => {
    const user = await advertiser()
    const slot = await SlotFactory.create()
    const current = weekOf(DateTime.now())
    const live = await bookingOf(user, slot, [current, addWeeks(current, 1)], 'approved')
    const ended = await bookingOf(user, slot, [addWeeks(current, -2)], 'approved')
    const expired = await bookingOf(user, slot, upcomingWeeks(1), 'expired')

    const response = await client
      .get(urlFor('api.v1.bookings.index'))
      .withGuard('api')
      .loginAs(user)
    const byId = new Map(
      response.body().data.map((row: { id: number; status: string }) => [row.id, row.status])
    )
    assert.equal(byId.get(live.id), 'live')
    assert.equal(byId.get(ended.id), 'ended')
    assert.equal(byId.get(expired.id), 'expired')
  })

  test('DELETE cancels a request and frees its share', async ({ client, assert }) => {
    const user = await advertiser()
    const slot = await SlotFactory.merge({ capacity: 1 }).create()
    const weeks = upcomingWeeks(1)
    const booking = await bookingOf(user, slot, weeks)

    const response = await client
      .delete(urlFor('api.v1.bookings.destroy', { id: booking.id }))
      .withGuard('api')
      .loginAs(user)
    response.assertStatus(200)
    assert.equal(response.body().data.status, 'cancelled')

    const again = await client
      .post(urlFor('api.v1.bookings.store'))
      .json({ slotId: slot.id, weeks, creative: textCreative() })
      .withGuard('api')
      .loginAs(user)
    again.assertStatus(201)
  })

  test('DELETE of an approved booking: allowed before the deadline with a credit note, refused after', async ({
    client,
    assert,
  }) => {
    const user = await advertiser()
    const slot = await SlotFactory.create()
    const editor = await createUser({ role: 'editor' })
    const early = await bookingOf(user, slot, [upcomingWeeks(3)[2]])
    const late = await bookingOf(user, slot, [upcomingWeeks(1)[0]])
    for (const booking of [early, late]) {
      const approved = await client
        .post(urlFor('api.v1.editorial.bookings.approve', { id: booking.id }))
        .withGuard('api')
        .loginAs(editor)
      approved.assertStatus(200)
    }

    const cancelled = await client
      .delete(urlFor('api.v1.bookings.destroy', { id: early.id }))
      .withGuard('api')
      .loginAs(user)
    cancelled.assertStatus(200)
    const kinds = await Invoice.query().where('booking_id', early.id).orderBy('id')
    assert.deepEqual(
      kinds.map((invoice) => invoice.kind),
      ['invoice', 'credit_note']
    )

    // Next week starts in less than 7 days.
    const refused = await client
      .delete(urlFor('api.v1.bookings.destroy', { id: late.id }))
      .withGuard('api')
      .loginAs(user)
    refused.assertStatus(409)
    assert.equal(
      refused.body().errors[0].message,
      'Eine freigegebene Buchung kann nur bis 7 Tage vor ihrer ersten Woche storniert werden.'
    )
    await late.refresh()
    assert.equal(late.status, 'approved')
  })
})

test.group('API / editorial bookings', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('approve sets the cap, issues the invoice and reports approved', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const user = await advertiser()
    const slot = await SlotFactory.create()
    const booking = await bookingOf(user, slot, upcomingWeeks(2))

    const response = await client
      .post(urlFor('api.v1.editorial.bookings.approve', { id: booking.id }))
      .json({ impressionCap: 5000 })
      .withGuard('api')
      .loginAs(editor)

    response.assertStatus(200)
    assert.deepInclude(response.body().data, {
      id: booking.id,
      status: 'approved',
      impressionCap: 5000,
      holdExpiresAt: null,
    })
    const invoice = await Invoice.query().where('booking_id', booking.id).firstOrFail()
    assert.equal(invoice.kind, 'invoice')
    assert.equal(invoice.grossCents, booking.grossCents)
    await booking.refresh()
    assert.equal(booking.decidedById, editor.id)

    const twice = await client
      .post(urlFor('api.v1.editorial.bookings.approve', { id: booking.id }))
      .withGuard('api')
      .loginAs(editor)
    twice.assertStatus(409)
    assert.equal(
      await Invoice.query()
        .where('booking_id', booking.id)
        .count('* as n')
        .then((r) => Number(r[0].$extras.n)),
      1
    )
  })

  test('a lapsed hold cannot be approved', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const booking = await bookingOf(
      await advertiser(),
      await SlotFactory.create(),
      upcomingWeeks(1),
      'expired'
    )

    const response = await client
      .post(urlFor('api.v1.editorial.bookings.approve', { id: booking.id }))
      .withGuard('api')
      .loginAs(editor)

    response.assertStatus(409)
    assert.equal(
      response.body().errors[0].message,
      'Die Reservierung dieser Buchung ist abgelaufen; sie kann nicht mehr freigegeben werden.'
    )
    await booking.refresh()
    assert.equal(booking.status, 'requested')
    assert.lengthOf(await Invoice.all(), 0)
  })

  test('reject needs a reason and frees the share; members get 403', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const user = await advertiser()
    const booking = await bookingOf(user, await SlotFactory.create(), upcomingWeeks(1))

    const member = await client
      .post(urlFor('api.v1.editorial.bookings.reject', { id: booking.id }))
      .json({ reason: 'Passt nicht.' })
      .withGuard('api')
      .loginAs(user)
    member.assertStatus(403)

    const noReason = await client
      .post(urlFor('api.v1.editorial.bookings.reject', { id: booking.id }))
      .withGuard('api')
      .loginAs(editor)
    noReason.assertStatus(422)

    const response = await client
      .post(urlFor('api.v1.editorial.bookings.reject', { id: booking.id }))
      .json({ reason: 'Das Motiv passt nicht zum Umfeld.' })
      .withGuard('api')
      .loginAs(editor)
    response.assertStatus(200)
    assert.equal(response.body().data.status, 'rejected')
    await booking.refresh()
    assert.equal(booking.reason, 'Das Motiv passt nicht zum Umfeld.')
  })
})
