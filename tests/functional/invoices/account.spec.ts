import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { PDFDocument } from '@cantoo/pdf-lib'
import Invoice from '#models/invoice'
import { createUser } from '#tests/helpers/users'
import { TOTALS, embeddedFiles, parseCii } from '#tests/helpers/cii'
import { approvedBooking, issueCreditNote, issueInvoice } from '#tests/helpers/invoices'

const FORMATS = ['pdf', 'xrechnung', 'zugferd'] as const

test.group('Account / invoices', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the account home links to the invoices', async ({ client }) => {
    const user = await createUser()
    const response = await client.get(urlFor('account.home')).loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes(`href="${urlFor('account.invoices.index')}"`)
    response.assertTextIncludes('Rechnungen')
  })

  test("lists the advertiser's own invoices and credit notes with their totals and downloads", async ({
    client,
    assert,
  }) => {
    const { user, booking } = await approvedBooking({ weeks: 2 })
    const invoice = await issueInvoice(booking)
    const creditNote = await issueCreditNote(booking)
    const other = await approvedBooking({ billing: { company: 'Fremdfirma <b>AG</b>' } })
    const foreign = await issueInvoice(other.booking)

    const response = await client.get(urlFor('account.invoices.index')).loginAs(user)

    response.assertStatus(200)
    const html = response.text()
    // Newest first: the credit note, then the invoice
    assert.isBelow(
      html.indexOf(`data-invoice="${creditNote.number}"`),
      html.indexOf(`data-invoice="${invoice.number}"`)
    )
    response.assertTextIncludes('Gutschrift')
    response.assertTextIncludes(`zu Rechnung ${invoice.number}`)
    // German amounts: a no-break space before the euro sign
    response.assertTextIncludes('500,00\u00A0€')
    response.assertTextIncludes('95,00\u00A0€')
    response.assertTextIncludes('595,00\u00A0€')
    for (const format of FORMATS) {
      response.assertTextIncludes(
        urlFor('account.invoices.download', { number: invoice.number, format })
      )
      response.assertTextIncludes(
        urlFor('account.invoices.download', { number: creditNote.number, format })
      )
    }
    assert.notInclude(html, foreign.number)
    assert.notInclude(html, 'Fremdfirma')
  })

  test('in English, the page and the amounts read in English', async ({ client }) => {
    const { user, booking } = await approvedBooking({ weeks: 1 })
    await issueInvoice(booking)
    const response = await client
      .get(urlFor('account.invoices.index', {}, { qs: { lang: 'en' } }))
      .loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('My invoices')
    response.assertTextIncludes('€297.50')
  })

  test('an advertiser without invoices is told so', async ({ client }) => {
    const user = await createUser()
    const response = await client.get(urlFor('account.invoices.index')).loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('Sie haben noch keine Rechnungen.')
  })

  test('downloads the PDF, the XRechnung and the ZUGFeRD PDF of an own invoice', async ({
    client,
    assert,
  }) => {
    const { user, booking } = await approvedBooking({ weeks: 2 })
    const invoice = await issueInvoice(booking)
    const url = (format: (typeof FORMATS)[number]) =>
      urlFor('account.invoices.download', { number: invoice.number, format })

    const pdf = await client.get(url('pdf')).loginAs(user)
    pdf.assertStatus(200)
    pdf.assertHeader('content-type', 'application/pdf')
    assert.include(pdf.header('content-disposition'), `Rechnung-${invoice.number}.pdf`)
    const document = await PDFDocument.load(pdf.body())
    assert.equal(document.getTitle(), `Rechnung ${invoice.number}`)

    const xml = await client.get(url('xrechnung')).loginAs(user)
    xml.assertStatus(200)
    assert.include(xml.header('content-type'), 'application/xml')
    assert.include(xml.header('content-disposition'), `Rechnung-${invoice.number}-xrechnung.xml`)
    const cii = parseCii(xml.text())
    assert.equal(cii.text('rsm:ExchangedDocument/ram:ID'), invoice.number)
    assert.equal(cii.text(`${TOTALS}/ram:GrandTotalAmount`), '595.00')

    const zugferd = await client.get(url('zugferd')).loginAs(user)
    zugferd.assertStatus(200)
    zugferd.assertHeader('content-type', 'application/pdf')
    const files = await embeddedFiles(zugferd.body())
    const embedded = parseCii(Buffer.from(files.get('factur-x.xml')!).toString('utf8'))
    assert.equal(embedded.text(`${TOTALS}/ram:GrandTotalAmount`), '595.00')
  })

  test("another advertiser's invoice is not found in any format; guests go to the log-in", async ({
    client,
    assert,
  }) => {
    const stranger = await createUser()
    const { booking } = await approvedBooking({ billing: { company: 'Geheim GmbH' } })
    const invoice = await issueInvoice(booking)

    for (const format of FORMATS) {
      const url = urlFor('account.invoices.download', { number: invoice.number, format })
      const response = await client.get(url).loginAs(stranger)
      assert.equal(response.status(), 404, format)
      assert.notInclude(response.text() ?? '', 'Geheim GmbH')

      const guest = await client.get(url).redirects(0)
      assert.equal(guest.status(), 302)
      assert.equal(guest.header('location'), urlFor('auth.login'))
    }
    const unknown = await client
      .get(urlFor('account.invoices.download', { number: '1999-00001', format: 'pdf' }))
      .loginAs(stranger)
    unknown.assertStatus(404)
  })

  test('there is no route that changes or deletes an invoice', async ({ client, assert }) => {
    const { user, booking } = await approvedBooking()
    const invoice = await issueInvoice(booking)
    const path = `/account/invoices/${invoice.number}`
    for (const method of ['put', 'patch', 'delete', 'post'] as const) {
      const response = await client[method](path).withCsrfToken().loginAs(user)
      assert.equal(response.status(), 404, method)
    }
    const stored = await Invoice.findOrFail(invoice.id)
    assert.equal(stored.grossCents, invoice.grossCents)
  })
})
