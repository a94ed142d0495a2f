import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { InvoiceService as EInvoiceGenerator } from '@e-invoice-eu/core'
import {
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFRawStream,
  decodePDFRawStream,
} from '@cantoo/pdf-lib'
import type Invoice from '#models/invoice'
import type Booking from '#models/booking'
import billingConfig from '#config/billing'
import { decimalAmount, invoiceDocument } from '#services/invoicing/invoice_document'
import {
  E_INVOICE_FORMATS,
  eInvoiceData,
  facturXPdf,
  renderEInvoice,
  xrechnungXml,
} from '#services/invoicing/e_invoice'
import { invoicePdf } from '#services/invoicing/invoice_pdf'
import { AGREEMENT, HEADER, SETTLEMENT, TOTALS, embeddedFiles, parseCii } from '#tests/helpers/cii'
import { approvedBooking, issueCreditNote, issueInvoice } from '#tests/helpers/invoices'

const XRECHNUNG_3 = 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0'
const LEITWEG_ID = '991-12345-67'

/** The cases the e-invoices must cover: with and without VAT ID and Leitweg-ID. */
const BUYERS = [
  { label: 'with a VAT ID, without a Leitweg-ID', vatId: 'DE811907980', buyerReference: null },
  { label: 'with a Leitweg-ID, without a VAT ID', vatId: null, buyerReference: LEITWEG_ID },
] as const

async function issued(kind: 'invoice' | 'credit_note', buyer: (typeof BUYERS)[number]) {
  const { booking } = await approvedBooking({
    weeks: 3,
    priceCents: 33_333,
    billing: { vatId: buyer.vatId, buyerReference: buyer.buyerReference },
  })
  const invoice = await issueInvoice(booking)
  if (kind === 'invoice') return { booking, invoice, corrected: null }
  const creditNote = await issueCreditNote(booking)
  await creditNote.load('corrects')
  return { booking, invoice: creditNote, corrected: invoice }
}

function yyyymmdd(invoice: Invoice) {
  return invoice.issuedOn.toFormat('yyyyMMdd')
}

/** The CII totals equal the invoice row's, which equal the booking's. */
function assertTotals(
  assert: any,
  cii: ReturnType<typeof parseCii>,
  invoice: Invoice,
  booking: Booking
) {
  assert.deepEqual(
    {
      net: invoice.netCents,
      vat: invoice.vatCents,
      gross: invoice.grossCents,
    },
    { net: booking.netCents, vat: booking.vatCents, gross: booking.grossCents }
  )
  assert.equal(cii.text(`${TOTALS}/ram:LineTotalAmount`), decimalAmount(invoice.netCents))
  assert.equal(cii.text(`${TOTALS}/ram:TaxBasisTotalAmount`), decimalAmount(invoice.netCents))
  assert.equal(cii.text(`${TOTALS}/ram:TaxTotalAmount`), decimalAmount(invoice.vatCents))
  assert.equal(cii.text(`${TOTALS}/ram:GrandTotalAmount`), decimalAmount(invoice.grossCents))
  assert.equal(cii.text(`${TOTALS}/ram:DuePayableAmount`), decimalAmount(invoice.grossCents))
  assert.equal(cii.attribute(`${TOTALS}/ram:TaxTotalAmount`, 'currencyID'), 'EUR')
  assert.equal(
    cii.text(`${SETTLEMENT}/ram:ApplicableTradeTax/ram:BasisAmount`),
    decimalAmount(invoice.netCents)
  )
  assert.equal(
    cii.text(`${SETTLEMENT}/ram:ApplicableTradeTax/ram:CalculatedAmount`),
    decimalAmount(invoice.vatCents)
  )
  assert.equal(cii.text(`${SETTLEMENT}/ram:ApplicableTradeTax/ram:RateApplicablePercent`), '19')
  assert.equal(cii.text(`${SETTLEMENT}/ram:ApplicableTradeTax/ram:CategoryCode`), 'S')
}

test.group('E-invoices / XRechnung CII', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const kind of ['invoice', 'credit_note'] as const) {
    for (const buyer of BUYERS) {
      test(`${kind} to a buyer ${buyer.label}: passes the library's validation and states every required term`, async ({
        assert,
      }) => {
        const { booking, invoice, corrected } = await issued(kind, buyer)
        // @e-invoice-eu/core validates the data against its EN 16931 schema
        // before it renders, and throws on any violation.
        const xml = await xrechnungXml(invoiceDocument(invoice))
        const cii = parseCii(xml)

        // BT-24, BT-1, BT-2, BT-3, BT-5
        assert.equal(
          cii.text(
            'rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID'
          ),
          XRECHNUNG_3
        )
        assert.equal(cii.text('rsm:ExchangedDocument/ram:ID'), invoice.number)
        assert.match(invoice.number, /^\d{4}-\d{5}$/)
        assert.equal(
          cii.text('rsm:ExchangedDocument/ram:TypeCode'),
          kind === 'invoice' ? '380' : '381'
        )
        assert.equal(
          cii.text('rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString'),
          yyyymmdd(invoice)
        )
        assert.equal(cii.text(`${SETTLEMENT}/ram:InvoiceCurrencyCode`), 'EUR')

        // BT-10: the Leitweg-ID when there is one, else the booking
        assert.equal(
          cii.text(`${AGREEMENT}/ram:BuyerReference`),
          buyer.buyerReference ?? `Buchung ${booking.id}`
        )

        // Seller: BT-27, BT-31, BT-32, BT-34, BG-5, BG-6 (XRechnung: name, phone, e-mail)
        const seller = `${AGREEMENT}/ram:SellerTradeParty`
        assert.equal(cii.text(`${seller}/ram:Name`), billingConfig.seller.name)
        const registrations = cii
          .all(`${seller}/ram:SpecifiedTaxRegistration/ram:ID`)
          .map((id) => [id.getAttribute('schemeID'), id.textContent])
        assert.deepEqual(registrations, [
          ['VA', billingConfig.seller.vatId],
          ['FC', billingConfig.seller.taxNumber],
        ])
        assert.equal(
          cii.text(`${seller}/ram:URIUniversalCommunication/ram:URIID`),
          billingConfig.seller.email
        )
        assert.equal(
          cii.attribute(`${seller}/ram:URIUniversalCommunication/ram:URIID`, 'schemeID'),
          'EM'
        )
        assert.equal(
          cii.text(`${seller}/ram:PostalTradeAddress/ram:CityName`),
          billingConfig.seller.city
        )
        assert.equal(
          cii.text(`${seller}/ram:PostalTradeAddress/ram:PostcodeCode`),
          billingConfig.seller.postalCode
        )
        assert.equal(cii.text(`${seller}/ram:PostalTradeAddress/ram:CountryID`), 'DE')
        assert.equal(
          cii.text(
            `${seller}/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:CompleteNumber`
          ),
          billingConfig.seller.phone
        )
        assert.equal(
          cii.text(
            `${seller}/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID`
          ),
          billingConfig.seller.email
        )

        // Buyer: BT-44, BT-48 (only when given), BT-49, BG-8
        const buyerParty = `${AGREEMENT}/ram:BuyerTradeParty`
        assert.equal(cii.text(`${buyerParty}/ram:Name`), invoice.buyer.company)
        assert.equal(cii.text(`${buyerParty}/ram:SpecifiedTaxRegistration/ram:ID`), buyer.vatId)
        assert.equal(
          cii.text(`${buyerParty}/ram:URIUniversalCommunication/ram:URIID`),
          invoice.buyer.invoiceEmail
        )
        assert.equal(cii.text(`${buyerParty}/ram:PostalTradeAddress/ram:CityName`), 'Halle (Saale)')
        assert.equal(cii.text(`${buyerParty}/ram:PostalTradeAddress/ram:PostcodeCode`), '06108')

        // BG-14: the service period, the booked weeks
        assert.equal(
          cii.text(`${SETTLEMENT}/ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString`),
          invoice.periodStart.toFormat('yyyyMMdd')
        )
        assert.equal(
          cii.text(`${SETTLEMENT}/ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString`),
          invoice.periodEnd.toFormat('yyyyMMdd')
        )

        // BG-16 payment instructions and BT-20 terms (BR-DE-1, BR-CO-25)
        const means = `${SETTLEMENT}/ram:SpecifiedTradeSettlementPaymentMeans`
        assert.isNotEmpty(cii.text(`${SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:Description`))
        if (kind === 'invoice') {
          assert.equal(cii.text(`${means}/ram:TypeCode`), '58')
          assert.equal(
            cii.text(`${means}/ram:PayeePartyCreditorFinancialAccount/ram:IBANID`),
            billingConfig.seller.iban
          )
          assert.equal(
            cii.text(`${means}/ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID`),
            billingConfig.seller.bic
          )
          assert.isNull(
            cii.text(`${SETTLEMENT}/ram:InvoiceReferencedDocument/ram:IssuerAssignedID`)
          )
        } else {
          assert.equal(cii.text(`${means}/ram:TypeCode`), '1')
          // BG-3: the corrected invoice
          assert.equal(
            cii.text(`${SETTLEMENT}/ram:InvoiceReferencedDocument/ram:IssuerAssignedID`),
            corrected!.number
          )
          assert.equal(
            cii.text(
              `${SETTLEMENT}/ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString`
            ),
            corrected!.issuedOn.toFormat('yyyyMMdd')
          )
          assert.equal(
            cii.text('rsm:ExchangedDocument/ram:IncludedNote/ram:Content'),
            `Rechnungskorrektur (Gutschrift) zu Rechnung ${corrected!.number}`
          )
        }

        // One line per booked week, each with its week as the line period
        const lines = cii.all(`${HEADER}/ram:IncludedSupplyChainTradeLineItem`)
        assert.lengthOf(lines, 3)
        assert.deepEqual(
          lines.map((line) =>
            cii.text(
              'ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount',
              line
            )
          ),
          ['333.33', '333.33', '333.33']
        )
        assert.match(
          cii.text('ram:SpecifiedTradeProduct/ram:Name', lines[0])!,
          /^Anzeige Sidebar, Social Media, KW \d{1,2}\/\d{4} \(\d{4}-W\d{2}\)$/
        )
        assert.equal(
          cii.attribute(
            `${HEADER}/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity`,
            'unitCode'
          ),
          'WEE'
        )

        // 3 × 333.33 = 999.99 net, 190.00 VAT (rounded half up), 1,189.99 gross
        assert.equal(invoice.netCents, 99_999)
        assert.equal(invoice.vatCents, 19_000)
        assert.equal(invoice.grossCents, 118_999)
        assertTotals(assert, cii, invoice, booking)
      })
    }
  }

  test("the same data passes the library's stricter XRechnung UBL schema (electronic addresses required)", async ({
    assert,
  }) => {
    for (const buyer of BUYERS) {
      for (const kind of ['invoice', 'credit_note'] as const) {
        const { invoice } = await issued(kind, buyer)
        const ubl = (await renderEInvoice(
          invoiceDocument(invoice),
          'XRECHNUNG-UBL' as never
        )) as string
        assert.include(ubl, kind === 'invoice' ? '<Invoice' : '<CreditNote')
        assert.include(ubl, `<cbc:ID>${invoice.number}</cbc:ID>`)
      }
    }
  }).timeout(30_000)

  test('the library refuses data that breaks its EN 16931 schema', async ({ assert }) => {
    const { invoice } = await issued('invoice', BUYERS[0])
    const data = eInvoiceData(invoiceDocument(invoice))
    data['ubl:Invoice']['cbc:IssueDate'] = '01.12.2026'
    data['ubl:Invoice']['cac:LegalMonetaryTotal']['cbc:PayableAmount'] = '1.234,56'
    const silent = { log() {}, warn() {}, error() {} }
    await assert.rejects(
      () =>
        new EInvoiceGenerator(silent).generate(data, {
          format: E_INVOICE_FORMATS.xrechnung,
          lang: 'de-de',
        }),
      /validation failed/
    )
  })
})

test.group('E-invoices / Factur-X', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const kind of ['invoice', 'credit_note'] as const) {
    test(`the ${kind} PDF is a PDF/A-3 with the CII XML embedded and the same totals`, async ({
      assert,
    }) => {
      const { booking, invoice, corrected } = await issued(kind, BUYERS[1])
      const document = invoiceDocument(invoice)
      const pdf = await invoicePdf(document)
      const facturX = await facturXPdf(document, pdf)
      assert.equal(facturX.subarray(0, 5).toString('latin1'), '%PDF-')

      const files = await embeddedFiles(facturX)
      assert.deepEqual([...files.keys()], ['factur-x.xml'])
      const cii = parseCii(Buffer.from(files.get('factur-x.xml')!).toString('utf8'))
      assert.equal(
        cii.text(
          'rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID'
        ),
        'urn:cen.eu:en16931:2017'
      )
      assert.equal(cii.text('rsm:ExchangedDocument/ram:ID'), invoice.number)
      assert.equal(
        cii.text('rsm:ExchangedDocument/ram:TypeCode'),
        kind === 'invoice' ? '380' : '381'
      )
      assert.equal(cii.text(`${AGREEMENT}/ram:BuyerReference`), LEITWEG_ID)
      assertTotals(assert, cii, invoice, booking)
      // BG-3: the corrected invoice, on credit notes only
      assert.equal(
        cii.text(`${SETTLEMENT}/ram:InvoiceReferencedDocument/ram:IssuerAssignedID`),
        corrected?.number ?? null
      )

      const loaded = await PDFDocument.load(facturX)
      const metadata = loaded.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream
      const xmp = Buffer.from(decodePDFRawStream(metadata).decode()).toString('utf8')
      assert.include(xmp, '<pdfaid:part>3</pdfaid:part>')
      assert.include(xmp, '<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>')
      assert.include(xmp, '<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>')
      assert.isDefined(loaded.catalog.get(PDFName.of('OutputIntents')))

      // PDF/A: every font is embedded
      const fonts = loaded.context
        .enumerateIndirectObjects()
        .map(([, object]) => object)
        .filter(
          (object): object is PDFDict =>
            object instanceof PDFDict &&
            object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor')
        )
      assert.isAbove(fonts.length, 0)
      for (const descriptor of fonts) {
        assert.isDefined(descriptor.get(PDFName.of('FontFile2')))
      }
    }).timeout(30_000)
  }
})
