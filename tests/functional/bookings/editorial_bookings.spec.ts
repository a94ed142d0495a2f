import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import mail from '@adonisjs/mail/services/main'
import AuditLog from '#models/audit_log'
import Invoice from '#models/invoice'
import BookingNotification from '#mails/booking_notification'
import { SlotFactory } from '#database/factories/slot_factory'
import { createUser } from '#tests/helpers/users'
import { advertiser, bookingOf, upcomingWeeks } from './fixtures.js'

test.group('Editorial / bookings', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => mail.restore())

  test('the queue lists requested bookings, oldest first, with the hold’s expiry', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const slot = await SlotFactory.create()
    const user = await advertiser({ name: 'Wera Werbung' })
    const first = await bookingOf(user, slot, upcomingWeeks(1))
    const lapsed = await bookingOf(user, slot, upcomingWeeks(2), 'expired')
    const approved = await bookingOf(user, slot, upcomingWeeks(1), 'approved')

    await first.refresh()

    const response = await client.get(urlFor('editorial.queue')).loginAs(editor)

    response.assertStatus(200)
    const html = response.text()
    assert.isBelow(html.indexOf(`booking-${first.id}"`), html.indexOf(`booking-${lapsed.id}"`))
    assert.notInclude(html, `booking-${approved.id}"`)
    assert.include(html, 'Wera Werbung')
    assert.include(html, `datetime="${first.holdExpiresAt!.toUTC().toISO()}"`)
    const lapsedRow = html.slice(html.indexOf(`booking-${lapsed.id}"`))
    assert.include(lapsedRow.slice(0, lapsedRow.indexOf('</tr>')), 'abgelaufen')
    assert.include(html, urlFor('editorial.bookings.show', { id: first.id }))
  })

  test('the review page previews the creative; members get 403', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const user = await advertiser()
    const booking = await bookingOf(user, await SlotFactory.create(), upcomingWeeks(2))
    booking.headline = '<script>alert(1)</script>'
    await booking.save()

    const page = await client
      .get(urlFor('editorial.bookings.show', { id: booking.id }))
      .loginAs(editor)
    page.assertStatus(200)
    assert.include(page.text(), 'data-creative="text"')
    assert.include(page.text(), '&lt;script&gt;alert(1)&lt;/script&gt;')
    assert.notInclude(page.text(), '<script>alert(1)</script>')
    assert.include(page.text(), urlFor('editorial.bookings.approve', { id: booking.id }))

    const member = await client
      .get(urlFor('editorial.bookings.show', { id: booking.id }))
      .loginAs(user)
    member.assertStatus(403)
  })

  test('approve with an impression cap: invoice, audit entry and a mail to the advertiser', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const editor = await createUser({ role: 'editor' })
    const user = await advertiser({ email: 'kunde@example.test', locale: 'en' })
    const booking = await bookingOf(user, await SlotFactory.create(), upcomingWeeks(2))

    const response = await client
      .post(urlFor('editorial.bookings.approve', { id: booking.id }))
      .form({ impressionCap: '10000' })
      .withCsrfToken()
      .loginAs(editor)
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('editorial.queue'))
    response.assertFlashMessage(
      'notice',
      'Die Buchung ist freigegeben; die Rechnung ist ausgestellt.'
    )
    await booking.refresh()
    assert.equal(booking.status, 'approved')
    assert.equal(booking.impressionCap, 10_000)
    assert.equal(booking.decidedById, editor.id)
    const invoice = await Invoice.query().where('booking_id', booking.id).firstOrFail()
    assert.match(invoice.number, /^\d{4}-00001$/)
    const audit = await AuditLog.query().where('action', 'booking.approved').firstOrFail()
    assert.deepInclude(audit.after!, {
      status: 'approved',
      impressionCap: 10_000,
      invoice: invoice.number,
    })
    mails.assertSent(BookingNotification, (sent) => {
      sent.message.assertTo('kunde@example.test')
      sent.message.assertSubject(`Your booking no. ${booking.id} is approved`)
      return true
    })
  })

  test('reject with a reason: the advertiser is told why', async ({ client, assert }) => {
    const { mails } = mail.fake()
    const editor = await createUser({ role: 'editor' })
    const user = await advertiser()
    const booking = await bookingOf(user, await SlotFactory.create(), upcomingWeeks(1))

    const response = await client
      .post(urlFor('editorial.bookings.reject', { id: booking.id }))
      .form({ reason: 'Die Zieladresse ist nicht erreichbar.' })
      .withCsrfToken()
      .loginAs(editor)
      .redirects(0)

    response.assertStatus(302)
    await booking.refresh()
    assert.equal(booking.status, 'rejected')
    const sent = mails.sent((m) => m instanceof BookingNotification)[0]
    await sent.buildWithContents()
    sent.message.assertSubject(`Ihre Buchung Nr. ${booking.id} ist abgelehnt`)
    sent.message.assertTextIncludes('Die Zieladresse ist nicht erreichbar.')
    sent.message.assertHtmlIncludes('Die Zieladresse ist nicht erreichbar.')
  })

  test('an editor cancels an approved, running booking: a credit note reverses the invoice', async ({
    client,
    assert,
  }) => {
    mail.fake()
    const editor = await createUser({ role: 'editor' })
    const user = await advertiser()
    const booking = await bookingOf(user, await SlotFactory.create(), upcomingWeeks(1))
    await client
      .post(urlFor('editorial.bookings.approve', { id: booking.id }))
      .withCsrfToken()
      .loginAs(editor)

    const response = await client
      .post(urlFor('editorial.bookings.cancel', { id: booking.id }))
      .withCsrfToken()
      .loginAs(editor)
      .redirects(0)

    response.assertStatus(302)
    await booking.refresh()
    assert.equal(booking.status, 'cancelled')
    const invoices = await Invoice.query().where('booking_id', booking.id).orderBy('id')
    assert.deepEqual(
      invoices.map((invoice) => [invoice.kind, invoice.correctsInvoiceId]),
      [
        ['invoice', null],
        ['credit_note', invoices[0].id],
      ]
    )
    const actions = await AuditLog.query().where('subject_type', 'booking').orderBy('id')
    assert.deepEqual(
      actions.map((entry) => entry.action),
      ['booking.approved', 'booking.cancelled']
    )
  })
})
