import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import drive from '@adonisjs/drive/services/main'
import mail from '@adonisjs/mail/services/main'
import Booking from '#models/booking'
import BookingNotification from '#mails/booking_notification'
import { SlotFactory } from '#database/factories/slot_factory'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { addMember } from '#tests/helpers/vendor_accounts'
import { advertiser, bookingOf, fillWeeks, png, storedCounts, upcomingWeeks } from './fixtures.js'

function textForm(slotId: number, weeks: string[], url = 'https://example.com/angebot') {
  return {
    slotId: String(slotId),
    weeks,
    creative: {
      kind: 'text',
      headline: 'Digitale Verwaltung',
      body: 'Beratung für Kommunen.',
      url,
    },
  }
}

test.group('Account / bookings', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })
  group.each.teardown(() => mail.restore())

  test('the booking form sends an advertiser without billing details there first, and back', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    const slot = await SlotFactory.create()
    const weeks = upcomingWeeks(2)
    const form = urlFor('account.bookings.create', undefined, { qs: { slot: slot.id, weeks } })

    const response = await client.get(form).loginAs(user).redirects(0)

    response.assertStatus(302)
    const billing = urlFor('account.billing.edit', undefined, { qs: { next: form } })
    response.assertHeader('location', billing)

    const saved = await client
      .post(urlFor('account.billing.update'))
      .form({
        company: 'Werbe GmbH',
        street: 'Hauptstraße 1',
        postalCode: '06108',
        city: 'Halle (Saale)',
        country: 'DE',
        invoiceEmail: 'rechnung@werbe.example.test',
        vatId: 'de 811 907 980',
        buyerReference: '',
        next: form,
      })
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)
    saved.assertStatus(302)
    saved.assertHeader('location', form)

    const page = await client.get(form).loginAs(user)
    page.assertStatus(200)
    const html = page.text()
    assert.match(html, new RegExp(`name="weeks\\[\\]" value="${weeks[0]}"[^>]*checked`))
    assert.include(html, 'name="creative[headline]"')
    assert.include(html, 'name="image"')
    assert.include(html, 'enctype="multipart/form-data"')
  })

  test('unconfirmed members are refused with a message', async ({ client, assert }) => {
    const user = await advertiser({ confirmed: false })
    const slot = await SlotFactory.create()

    const page = await client.get(urlFor('account.bookings.create')).loginAs(user)
    page.assertStatus(403)
    assert.include(page.text(), 'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse')

    const post = await client
      .post(urlFor('account.bookings.store'))
      .form(textForm(slot.id, upcomingWeeks(1)))
      .withCsrfToken()
      .loginAs(user)
    post.assertStatus(403)
    assert.deepInclude(await storedCounts(), { bookings: 0 })
  })

  test('a text ad through the form: requested, mails to the advertiser and the editors', async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const user = await advertiser({ email: 'werbung@example.test' })
    const editor = await createUser({
      role: 'editor',
      email: 'redaktion@example.test',
      locale: 'en',
    })
    const slot = await SlotFactory.create()
    const weeks = upcomingWeeks(2)

    const response = await client
      .post(urlFor('account.bookings.store'))
      .form(textForm(slot.id, weeks))
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)

    const booking = await Booking.query().preload('bookingWeeks').firstOrFail()
    response.assertStatus(302)
    response.assertHeader('location', urlFor('account.bookings.show', { id: booking.id }))
    response.assertFlashMessage(
      'notice',
      'Ihre Buchung ist angefragt. Die Redaktion prüft sie; bis dahin sind die Anteile für Sie reserviert.'
    )
    assert.deepEqual(booking.weeks, weeks)
    assert.equal(booking.status, 'requested')

    mails.assertSentCount(BookingNotification, 2)
    const toAdvertiser = mails.sent(
      (m) => m instanceof BookingNotification && m.user.id === user.id
    )[0]
    toAdvertiser.message.assertTo('werbung@example.test')
    toAdvertiser.message.assertSubject(`Ihre Buchung Nr. ${booking.id} ist eingegangen`)
    const toEditor = mails.sent(
      (m) => m instanceof BookingNotification && m.user.id === editor.id
    )[0]
    toEditor.message.assertSubject(`New booking no. ${booking.id} waits for review`)
    await toEditor.buildWithContents()
    toEditor.message.assertTextIncludes(urlFor('editorial.bookings.show', { id: booking.id }))
    toEditor.message.assertHtmlIncludes(weeks.join(', '))

    const show = await client.get(urlFor('account.bookings.show', { id: booking.id })).loginAs(user)
    show.assertStatus(200)
    assert.include(show.text(), 'Digitale Verwaltung')
    assert.include(show.text(), 'data-status="requested"')
    assert.include(show.text(), urlFor('account.bookings.confirmation', { id: booking.id }))

    const list = await client.get(urlFor('account.bookings.index')).loginAs(user)
    assert.include(list.text(), `data-booking="${booking.id}"`)
  })

  test('a full week is flashed back on the weeks field and nothing is stored', async ({
    client,
    assert,
  }) => {
    mail.fake()
    const user = await advertiser()
    const slot = await SlotFactory.create()
    const weeks = upcomingWeeks(2)
    await fillWeeks(slot, [weeks[0]])
    const before = await storedCounts()
    const form = urlFor('account.bookings.create', undefined, { qs: { slot: slot.id } })

    const response = await client
      .post(urlFor('account.bookings.store'))
      .header('referer', form)
      .form(textForm(slot.id, weeks))
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)

    response.assertStatus(302)
    response.assertHasValidationError('weeks')
    const message = (response.flashMessage('inputErrorsBag') as Record<string, string[]>).weeks[0]
    assert.include(message, `(${weeks[0]})`)
    assert.deepEqual(await storedCounts(), before)

    // Back on the form (with what was flashed): the same slot, the message by the weeks, the headline kept.
    const back = await client
      .get(urlFor('account.bookings.create'))
      .withFlashMessages(response.flashMessages())
      .loginAs(user)
    back.assertStatus(200)
    assert.include(back.text(), `name="slotId" value="${slot.id}"`)
    assert.include(back.text(), 'id="weeks-error"')
    assert.include(back.text(), 'value="Digitale Verwaltung"')
  })

  test('bad input in the form is flashed by field: {0}')
    .with([
      ['javascript: URL', 'javascript:alert(1)', 'creative.url'],
      ['http:// URL', 'http://example.com/', 'creative.url'],
    ] as const)
    .run(async ({ client, assert }, [, url, field]) => {
      const user = await advertiser()
      const slot = await SlotFactory.create()

      const response = await client
        .post(urlFor('account.bookings.store'))
        .form(textForm(slot.id, upcomingWeeks(1), url))
        .withCsrfToken()
        .loginAs(user)
        .redirects(0)

      response.assertStatus(302)
      response.assertValidationError(
        field,
        'Die Zieladresse muss eine vollständige Adresse sein, die mit https:// beginnt.'
      )
      assert.deepInclude(await storedCounts(), { bookings: 0 })
    })

  test('an image ad of the wrong size is refused on the image field', async ({
    client,
    assert,
  }) => {
    const user = await advertiser()
    const slot = await SlotFactory.create()

    const response = await client
      .post(urlFor('account.bookings.store'))
      .field('slotId', String(slot.id))
      .field('weeks[]', upcomingWeeks(1)[0])
      .field('creative[kind]', 'image')
      .field('creative[alt]', 'Unser Logo')
      .field('creative[url]', 'https://example.com/')
      .file('image', await png(320, 250), { filename: 'ad.png', contentType: 'image/png' })
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)

    response.assertStatus(302)
    response.assertValidationError(
      'image',
      'Das Bild muss genau 300 × 250 Pixel groß sein (es ist 320 × 250).'
    )
    assert.deepInclude(await storedCounts(), { bookings: 0 })
  })

  test('vendor_box: the advertiser’s own published vendor of the topic; one share per week', async ({
    client,
    assert,
  }) => {
    mail.fake()
    const user = await advertiser()
    const slot = await SlotFactory.apply('vendorBox').create()
    const vendor = await createVendor({ slug: 'eigene-gmbh', name: 'Eigene GmbH' })
    await vendor.related('topics').attach([slot.topicId!])
    await addMember(vendor, user)
    const elsewhere = await createVendor({ slug: 'andere-ag', name: 'Andere AG' })
    await addMember(elsewhere, user)
    const foreign = await createVendor({ slug: 'fremd-ag', name: 'Fremd AG' })
    await foreign.related('topics').attach([slot.topicId!])
    const weeks = upcomingWeeks(2)
    const post = (vendorSlug: string) =>
      client
        .post(urlFor('account.bookings.store'))
        .form({ slotId: String(slot.id), weeks, creative: { kind: 'vendor', vendorSlug } })
        .withCsrfToken()
        .loginAs(user)
        .redirects(0)

    const form = await client
      .get(urlFor('account.bookings.create', undefined, { qs: { slot: slot.id } }))
      .loginAs(user)
    assert.include(form.text(), '<option value="eigene-gmbh"')

    const notCovering = await post('andere-ag')
    notCovering.assertValidationError(
      'creative.vendorSlug',
      'Ihr Anbieterprofil deckt das Thema dieses Platzes nicht ab.'
    )
    const notOwn = await post('fremd-ag')
    notOwn.assertValidationError(
      'creative.vendorSlug',
      'Bitte wählen Sie eines Ihrer eigenen Anbieterprofile.'
    )
    const first = await post('eigene-gmbh')
    first.assertStatus(302)
    assert.deepInclude(await storedCounts(), { bookings: 1 })

    const second = await client
      .post(urlFor('api.v1.bookings.store'))
      .json({
        slotId: slot.id,
        weeks: [weeks[1]],
        creative: { kind: 'vendor', vendorSlug: 'eigene-gmbh' },
      })
      .withGuard('api')
      .loginAs(user)
    second.assertStatus(409)
    assert.equal(second.body().errors[0].field, 'weeks')
    assert.include(second.body().errors[0].message, weeks[1])
    assert.deepInclude(await storedCounts(), { bookings: 1 })
  })

  test('cancel: a request at any time; the share is free again', async ({ client, assert }) => {
    const user = await advertiser()
    const slot = await SlotFactory.merge({ capacity: 1 }).create()
    const booking = await bookingOf(user, slot, upcomingWeeks(1))

    const response = await client
      .post(urlFor('account.bookings.cancel', { id: booking.id }))
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('notice', 'Die Buchung ist storniert.')
    await booking.refresh()
    assert.equal(booking.status, 'cancelled')
    assert.equal(booking.cancelledById, user.id)
  })

  test('the confirmation PDF: for the owner and editors', async ({ client, assert }) => {
    const user = await advertiser()
    const editor = await createUser({ role: 'editor' })
    const booking = await bookingOf(user, await SlotFactory.create(), upcomingWeeks(2))

    for (const reader of [user, editor]) {
      const response = await client
        .get(urlFor('account.bookings.confirmation', { id: booking.id }))
        .loginAs(reader)
      response.assertStatus(200)
      response.assertHeader('content-type', 'application/pdf')
      assert.include(response.header('content-disposition'), `booking-${booking.id}.pdf`)
      assert.equal(Buffer.from(response.body()).subarray(0, 5).toString(), '%PDF-')
    }
  })

  test('OWNERSHIP: advertiser A can never see, cancel or download B’s booking (404)', async ({
    client,
    assert,
  }) => {
    const [alice, bob] = [await advertiser(), await advertiser()]
    const booking = await bookingOf(bob, await SlotFactory.create(), upcomingWeeks(1))

    const requests = [
      client.get(urlFor('account.bookings.show', { id: booking.id })),
      client.get(urlFor('account.bookings.confirmation', { id: booking.id })),
      client.post(urlFor('account.bookings.cancel', { id: booking.id })).withCsrfToken(),
    ]
    for (const request of requests) {
      const response = await request.loginAs(alice)
      response.assertStatus(404)
      assert.notInclude(response.text(), 'Digitale Verwaltung aus einer Hand')
    }
    const list = await client.get(urlFor('account.bookings.index')).loginAs(alice)
    assert.notInclude(list.text(), `data-booking="${booking.id}"`)
    await booking.refresh()
    assert.equal(booking.status, 'requested')
  })

  test('guests are sent to the log-in page', async ({ client }) => {
    const response = await client.get(urlFor('account.bookings.index')).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', urlFor('auth.login'))
  })
})
