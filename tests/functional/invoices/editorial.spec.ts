import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { parse } from 'csv-parse/sync'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { createUser } from '#tests/helpers/users'
import { approvedBooking, issueCreditNote, issueInvoice } from '#tests/helpers/invoices'
import { BOOKING_ZONE } from '#services/booking/iso_week'
import { INVOICE_CSV_COLUMNS } from '#services/invoicing/invoice_csv'

function today() {
  return DateTime.now().setZone(BOOKING_ZONE)
}

test.group('Editorial / invoices', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the editorial navigation links to the invoices', async ({ client }) => {
    const editor = await createUser({ role: 'editor' })
    const response = await client.get(urlFor('editorial.queue')).loginAs(editor)
    response.assertStatus(200)
    response.assertTextIncludes(`href="${urlFor('editorial.invoices.index')}"`)
  })

  test("editors see every advertiser's invoices, by year and month", async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const first = await approvedBooking({ billing: { company: 'Erste <i>GmbH</i>' } })
    const second = await approvedBooking({ billing: { company: 'Zweite AG', vatId: null } })
    const invoice = await issueInvoice(first.booking)
    const other = await issueInvoice(second.booking)
    const creditNote = await issueCreditNote(first.booking)
    const now = today()

    const all = await client.get(urlFor('editorial.invoices.index')).loginAs(editor)
    all.assertStatus(200)
    for (const number of [invoice.number, other.number, creditNote.number]) {
      all.assertTextIncludes(`data-invoice="${number}"`)
    }
    all.assertTextIncludes('Erste &lt;i&gt;GmbH&lt;/i&gt;')
    assert.notInclude(all.text(), '<i>GmbH')
    all.assertTextIncludes('Zweite AG')
    all.assertTextIncludes(`zu Rechnung ${invoice.number}`)
    all.assertTextIncludes(
      urlFor('editorial.invoices.download', { number: other.number, format: 'xrechnung' })
    )

    const thisMonth = await client
      .get(urlFor('editorial.invoices.index', {}, { qs: { year: now.year, month: now.month } }))
      .loginAs(editor)
    thisMonth.assertStatus(200)
    thisMonth.assertTextIncludes(`data-invoice="${invoice.number}"`)
    thisMonth.assertTextIncludes(
      urlFor('editorial.invoices.export', {}, { qs: { year: now.year, month: now.month } }).replace(
        '&',
        '&amp;'
      )
    )

    const lastYear = await client
      .get(urlFor('editorial.invoices.index', {}, { qs: { year: now.year - 1 } }))
      .loginAs(editor)
    lastYear.assertStatus(200)
    assert.notInclude(lastYear.text(), 'data-invoice=')
    lastYear.assertTextIncludes('Für diesen Zeitraum gibt es keine Rechnungen.')
  })

  test('a month without a year, or a month 13, is refused with a message by the field', async ({
    client,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const withoutYear = await client
      .get(urlFor('editorial.invoices.index', {}, { qs: { month: 3 } }))
      .loginAs(editor)
    withoutYear.assertStatus(422)
    withoutYear.assertTextIncludes('id="invoices-year-error"')
    withoutYear.assertTextIncludes('Jahr')

    const badMonth = await client
      .get(urlFor('editorial.invoices.index', {}, { qs: { year: 2027, month: 13 } }))
      .loginAs(editor)
    badMonth.assertStatus(422)
    badMonth.assertTextIncludes('id="invoices-month-error"')
  })

  test("the CSV export has the accountant's columns for the chosen period", async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const { booking } = await approvedBooking({
      weeks: 3,
      billing: { company: '=HYPERLINK("http://evil.example")', vatId: 'DE811907980' },
    })
    const invoice = await issueInvoice(booking)
    const creditNote = await issueCreditNote(booking)
    const now = today()

    const response = await client
      .get(urlFor('editorial.invoices.export', {}, { qs: { year: now.year, month: now.month } }))
      .loginAs(editor)

    response.assertStatus(200)
    assert.include(response.header('content-type'), 'text/csv')
    assert.include(
      response.header('content-disposition'),
      `rechnungen-${now.year}-${String(now.month).padStart(2, '0')}.csv`
    )
    const rows = parse(response.text(), { columns: true, bom: true }) as Record<string, string>[]
    assert.deepEqual(Object.keys(rows[0]), [...INVOICE_CSV_COLUMNS])
    assert.deepEqual(rows, [
      {
        number: invoice.number,
        kind: 'invoice',
        issued_on: now.toISODate()!,
        buyer: `'=HYPERLINK("http://evil.example")`,
        vat_id: 'DE811907980',
        net: '750.00',
        vat: '142.50',
        gross: '892.50',
        booking_id: String(booking.id),
        corrected_invoice: '',
      },
      {
        number: creditNote.number,
        kind: 'credit_note',
        issued_on: now.toISODate()!,
        buyer: `'=HYPERLINK("http://evil.example")`,
        vat_id: 'DE811907980',
        net: '750.00',
        vat: '142.50',
        gross: '892.50',
        booking_id: String(booking.id),
        corrected_invoice: invoice.number,
      },
    ])

    const empty = await client
      .get(urlFor('editorial.invoices.export', {}, { qs: { year: now.year - 1 } }))
      .loginAs(editor)
    empty.assertStatus(200)
    assert.deepEqual(parse(empty.text(), { bom: true }), [[...INVOICE_CSV_COLUMNS]])
  })

  test('editors download any invoice in every format', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const { booking } = await approvedBooking()
    const invoice = await issueInvoice(booking)
    for (const [format, type] of [
      ['pdf', 'application/pdf'],
      ['xrechnung', 'application/xml'],
      ['zugferd', 'application/pdf'],
    ] as const) {
      const response = await client
        .get(urlFor('editorial.invoices.download', { number: invoice.number, format }))
        .loginAs(editor)
      response.assertStatus(200)
      assert.include(response.header('content-type'), type)
    }
    const unknown = await client
      .get(urlFor('editorial.invoices.download', { number: '1999-00001', format: 'pdf' }))
      .loginAs(editor)
    unknown.assertStatus(404)
  })

  test('members get 403 on every editorial invoice route, guests the log-in page', async ({
    client,
    assert,
  }) => {
    const { user, booking } = await approvedBooking({ billing: { company: 'Intern GmbH' } })
    const invoice = await issueInvoice(booking)
    const paths = [
      urlFor('editorial.invoices.index'),
      urlFor('editorial.invoices.export'),
      urlFor('editorial.invoices.download', { number: invoice.number, format: 'pdf' }),
    ]
    for (const path of paths) {
      const member = await client.get(path).loginAs(user)
      assert.equal(member.status(), 403, path)
      assert.notInclude(member.text() ?? '', 'Intern GmbH')
      const guest = await client.get(path).redirects(0)
      assert.equal(guest.status(), 302, path)
      assert.equal(guest.header('location'), urlFor('auth.login'))
    }
  })
})
