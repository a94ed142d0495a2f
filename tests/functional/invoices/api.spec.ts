import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { PDFDocument } from '@cantoo/pdf-lib'
import { createUser } from '#tests/helpers/users'
import { TOTALS, parseCii } from '#tests/helpers/cii'
import { approvedBooking, issueCreditNote, issueInvoice } from '#tests/helpers/invoices'

test.group('API / invoices', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("GET /api/v1/invoices lists the caller's invoices only, in the documented shape", async ({
    client,
    assert,
  }) => {
    const { user, booking } = await approvedBooking({ weeks: 2 })
    const invoice = await issueInvoice(booking)
    const creditNote = await issueCreditNote(booking)
    const other = await approvedBooking()
    const foreign = await issueInvoice(other.booking)

    const response = await client
      .get(urlFor('api.v1.invoices.index'))
      .withGuard('api')
      .loginAs(user)

    response.assertStatus(200)
    assert.notExists(response.header('set-cookie'))
    const data = response.body().data as Record<string, unknown>[]
    assert.deepEqual(
      data.map((item) => item.number),
      [creditNote.number, invoice.number]
    )
    assert.notInclude(JSON.stringify(data), foreign.number)
    const [credit, issued] = data
    const link = (number: string, format: string) =>
      new RegExp(`^https?://[^/]+${urlFor('api.v1.invoices.show', { number })}\\?format=${format}$`)
    assert.deepEqual(Object.keys(issued), [
      'number',
      'kind',
      'bookingId',
      'issuedOn',
      'netCents',
      'vatCents',
      'grossCents',
      'pdfUrl',
      'xmlUrl',
    ])
    assert.deepInclude(issued, {
      number: invoice.number,
      kind: 'invoice',
      bookingId: booking.id,
      issuedOn: invoice.issuedOn.toISODate(),
      netCents: 50_000,
      vatCents: 9_500,
      grossCents: 59_500,
    })
    assert.match(issued.pdfUrl as string, link(invoice.number, 'pdf'))
    assert.match(issued.xmlUrl as string, link(invoice.number, 'xml'))
    assert.equal(credit.kind, 'credit_note')
    assert.equal(credit.grossCents, 59_500)
  })

  test('GET /api/v1/invoices/:number answers JSON, PDF or XRechnung by Accept', async ({
    client,
    assert,
  }) => {
    const { user, booking } = await approvedBooking({ weeks: 2 })
    const invoice = await issueInvoice(booking)
    const url = urlFor('api.v1.invoices.show', { number: invoice.number })

    const json = await client.get(url).withGuard('api').loginAs(user)
    json.assertStatus(200)
    assert.equal(json.body().data.number, invoice.number)
    assert.equal(json.body().data.grossCents, 59_500)

    const pdf = await client.get(url).accept('application/pdf').withGuard('api').loginAs(user)
    pdf.assertStatus(200)
    pdf.assertHeader('content-type', 'application/pdf')
    const document = await PDFDocument.load(pdf.body())
    assert.equal(document.getTitle(), `Rechnung ${invoice.number}`)

    const xml = await client.get(url).accept('application/xml').withGuard('api').loginAs(user)
    xml.assertStatus(200)
    assert.include(xml.header('content-type'), 'application/xml')
    const cii = parseCii(xml.text())
    assert.equal(cii.text('rsm:ExchangedDocument/ram:ID'), invoice.number)
    assert.equal(cii.text(`${TOTALS}/ram:LineTotalAmount`), '500.00')
    assert.equal(cii.text(`${TOTALS}/ram:TaxTotalAmount`), '95.00')
    assert.equal(cii.text(`${TOTALS}/ram:GrandTotalAmount`), '595.00')
  })

  test('the pdfUrl and xmlUrl of the list work with the same token', async ({ client, assert }) => {
    const { user, booking } = await approvedBooking()
    await issueInvoice(booking)
    const list = await client.get(urlFor('api.v1.invoices.index')).withGuard('api').loginAs(user)
    const [item] = list.body().data

    const pdf = await client
      .get(new URL(item.pdfUrl).pathname + new URL(item.pdfUrl).search)
      .withGuard('api')
      .loginAs(user)
    pdf.assertStatus(200)
    pdf.assertHeader('content-type', 'application/pdf')

    const xml = await client
      .get(new URL(item.xmlUrl).pathname + new URL(item.xmlUrl).search)
      .withGuard('api')
      .loginAs(user)
    xml.assertStatus(200)
    assert.include(xml.header('content-type'), 'application/xml')
    assert.include(xml.text(), '<rsm:CrossIndustryInvoice')
  })

  test("another user's invoice is 404 in every form; no token is 401; a bad format is 422", async ({
    client,
    assert,
  }) => {
    const stranger = await createUser()
    const { booking } = await approvedBooking({ billing: { company: 'Geheim GmbH' } })
    const invoice = await issueInvoice(booking)
    const url = urlFor('api.v1.invoices.show', { number: invoice.number })

    for (const type of ['application/json', 'application/pdf', 'application/xml']) {
      const response = await client.get(url).accept(type).withGuard('api').loginAs(stranger)
      assert.equal(response.status(), 404, type)
      assert.notInclude(JSON.stringify(response.body()), 'Geheim')
      assert.equal(response.body().errors[0].field, null)
    }
    const editor = await createUser({ role: 'editor' })
    const asEditor = await client.get(url).withGuard('api').loginAs(editor)
    asEditor.assertStatus(404)

    const anonymous = await client.get(url)
    anonymous.assertStatus(401)
    assert.lengthOf(anonymous.body().errors, 1)

    const badFormat = await client
      .get(urlFor('api.v1.invoices.show', { number: invoice.number }, { qs: { format: 'docx' } }))
      .withGuard('api')
      .loginAs(stranger)
    badFormat.assertStatus(422)
    assert.equal(badFormat.body().errors[0].field, 'format')
  })
})
