import logger from '@adonisjs/core/services/logger'
import {
  InvoiceService as EInvoiceGenerator,
  type Invoice as EInvoiceData,
  type Logger as EInvoiceLogger,
} from '@e-invoice-eu/core'
import { create } from 'xmlbuilder2'
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
} from '@cantoo/pdf-lib'
import { decimalAmount, type InvoiceDocument } from '#services/invoicing/invoice_document'

/**
 * The formats we issue, by their @e-invoice-eu/core names:
 * - XRechnung in the CII syntax, the XML German public buyers accept;
 * - Factur-X/ZUGFeRD with the EN 16931 ("Comfort") profile: our PDF as a
 *   PDF/A-3 with the CII XML embedded as factur-x.xml.
 */
export const E_INVOICE_FORMATS = {
  xrechnung: 'XRECHNUNG-CII',
  facturX: 'Factur-X-EN16931',
} as const
export type EInvoiceFormat = (typeof E_INVOICE_FORMATS)[keyof typeof E_INVOICE_FORMATS]

/** UNTDID 1001: 380 commercial invoice, 381 credit note. */
export const DOCUMENT_TYPE_CODES = { invoice: '380', credit_note: '381' } as const

const CURRENCY = 'EUR'

/** The library reports through our logger. */
const libraryLogger: EInvoiceLogger = {
  log: (message) => logger.debug(message),
  warn: (message) => logger.warn(message),
  error: (message) => logger.error(message),
}

function isoDate(date: InvoiceDocument['issuedOn']): string {
  return date.toISODate()!
}

/**
 * The invoice in the library's internal format (EN 16931 business terms in
 * UBL names; the library renders CII from it). Amounts are positive on
 * credit notes too: the type code 381 says which way the money goes.
 */
export function eInvoiceData(document: InvoiceDocument): EInvoiceData {
  const { seller, buyer } = document
  const vatCategory = {
    'cbc:ID': 'S',
    'cbc:Percent': String(document.vatPercent),
    'cac:TaxScheme': { 'cbc:ID': 'VAT' },
  } as const

  const sellerTaxSchemes = [
    // BT-31 seller VAT identifier and BT-32 seller tax registration (Steuernummer)
    { 'cbc:CompanyID': seller.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } },
    { 'cbc:CompanyID': seller.taxNumber, 'cac:TaxScheme': { 'cbc:ID': 'FC' } },
  ] as [
    { 'cbc:CompanyID': string; 'cac:TaxScheme': { 'cbc:ID': string } },
    { 'cbc:CompanyID': string; 'cac:TaxScheme': { 'cbc:ID': string } },
  ]

  const data: EInvoiceData = {
    'ubl:Invoice': {
      'cbc:ID': document.number,
      'cbc:IssueDate': isoDate(document.issuedOn),
      ...(document.kind === 'invoice' ? { 'cbc:DueDate': isoDate(document.dueOn) } : {}),
      'cbc:InvoiceTypeCode': DOCUMENT_TYPE_CODES[document.kind],
      'cbc:Note': document.subtitle ? [document.subtitle] : [document.title],
      'cbc:DocumentCurrencyCode': CURRENCY,
      'cbc:BuyerReference': document.buyerReference,
      'cac:InvoicePeriod': {
        'cbc:StartDate': isoDate(document.periodStart),
        'cbc:EndDate': isoDate(document.periodEnd),
      },
      ...(document.corrected
        ? {
            'cac:BillingReference': [
              {
                'cac:InvoiceDocumentReference': {
                  'cbc:ID': document.corrected.number,
                  'cbc:IssueDate': isoDate(document.corrected.issuedOn),
                },
              },
            ],
          }
        : {}),
      'cac:AccountingSupplierParty': {
        'cac:Party': {
          'cbc:EndpointID': seller.email,
          'cbc:EndpointID@schemeID': 'EM',
          'cac:PostalAddress': {
            'cbc:StreetName': seller.street,
            'cbc:CityName': seller.city,
            'cbc:PostalZone': seller.postalCode,
            'cac:Country': { 'cbc:IdentificationCode': seller.country as 'DE' },
          },
          'cac:PartyTaxScheme': sellerTaxSchemes,
          'cac:PartyLegalEntity': { 'cbc:RegistrationName': seller.name },
          'cac:Contact': {
            'cbc:Name': seller.name,
            'cbc:Telephone': seller.phone,
            'cbc:ElectronicMail': seller.email,
          },
        },
      },
      'cac:AccountingCustomerParty': {
        'cac:Party': {
          'cbc:EndpointID': buyer.invoiceEmail,
          'cbc:EndpointID@schemeID': 'EM',
          'cac:PostalAddress': {
            'cbc:StreetName': buyer.street,
            'cbc:CityName': buyer.city,
            'cbc:PostalZone': buyer.postalCode,
            'cac:Country': { 'cbc:IdentificationCode': buyer.country as 'DE' },
          },
          ...(buyer.vatId
            ? {
                'cac:PartyTaxScheme': {
                  'cbc:CompanyID': buyer.vatId,
                  'cac:TaxScheme': { 'cbc:ID': 'VAT' },
                },
              }
            : {}),
          'cac:PartyLegalEntity': { 'cbc:RegistrationName': buyer.company },
          'cac:Contact': { 'cbc:ElectronicMail': buyer.invoiceEmail },
        },
      },
      // CII requires ApplicableHeaderTradeDelivery, and the library writes it only
      // with content: the ads are delivered to the buyer (BT-70).
      'cac:Delivery': { 'cac:DeliveryParty': { 'cac:PartyName': { 'cbc:Name': buyer.company } } },
      'cac:PaymentMeans': [
        document.kind === 'invoice'
          ? {
              // 58: SEPA credit transfer to the seller's account
              'cbc:PaymentMeansCode': '58',
              'cbc:PaymentID': document.number,
              'cac:PayeeFinancialAccount': {
                'cbc:ID': seller.iban,
                'cbc:Name': seller.name,
                'cac:FinancialInstitutionBranch': { 'cbc:ID': seller.bic },
              },
            }
          : {
              // 1: not defined; the seller refunds, the terms say so
              'cbc:PaymentMeansCode': '1',
              'cbc:PaymentID': document.number,
            },
      ],
      'cac:PaymentTerms': { 'cbc:Note': document.paymentTerms },
      'cac:TaxTotal': [
        {
          'cbc:TaxAmount': decimalAmount(document.vatCents),
          'cbc:TaxAmount@currencyID': CURRENCY,
          'cac:TaxSubtotal': [
            {
              'cbc:TaxableAmount': decimalAmount(document.netCents),
              'cbc:TaxableAmount@currencyID': CURRENCY,
              'cbc:TaxAmount': decimalAmount(document.vatCents),
              'cbc:TaxAmount@currencyID': CURRENCY,
              'cac:TaxCategory': vatCategory,
            },
          ],
        },
      ],
      'cac:LegalMonetaryTotal': {
        'cbc:LineExtensionAmount': decimalAmount(document.netCents),
        'cbc:LineExtensionAmount@currencyID': CURRENCY,
        'cbc:TaxExclusiveAmount': decimalAmount(document.netCents),
        'cbc:TaxExclusiveAmount@currencyID': CURRENCY,
        'cbc:TaxInclusiveAmount': decimalAmount(document.grossCents),
        'cbc:TaxInclusiveAmount@currencyID': CURRENCY,
        'cbc:PayableAmount': decimalAmount(document.grossCents),
        'cbc:PayableAmount@currencyID': CURRENCY,
      },
      'cac:InvoiceLine': document.lines.map((line) => ({
        'cbc:ID': String(line.position),
        'cbc:InvoicedQuantity': '1',
        // WEE: one week
        'cbc:InvoicedQuantity@unitCode': 'WEE',
        'cbc:LineExtensionAmount': decimalAmount(line.netCents),
        'cbc:LineExtensionAmount@currencyID': CURRENCY,
        'cac:InvoicePeriod': {
          'cbc:StartDate': isoDate(line.start),
          'cbc:EndDate': isoDate(line.end),
        },
        'cac:Item': {
          'cbc:Name': line.description,
          'cac:ClassifiedTaxCategory': vatCategory,
        },
        'cac:Price': {
          'cbc:PriceAmount': decimalAmount(line.netCents),
          'cbc:PriceAmount@currencyID': CURRENCY,
        },
      })) as EInvoiceData['ubl:Invoice']['cac:InvoiceLine'],
    },
  }
  return data
}

/**
 * Renders an e-invoice through @e-invoice-eu/core, which validates the
 * data against its EN 16931 schema (patched for the format) first and
 * throws on any violation. Factur-X needs our PDF, which it turns into a
 * PDF/A-3 with the XML attached.
 */
export async function renderEInvoice(
  document: InvoiceDocument,
  format: EInvoiceFormat,
  pdf?: Uint8Array
): Promise<string | Uint8Array> {
  const generator = new EInvoiceGenerator(libraryLogger)
  return generator.generate(eInvoiceData(document), {
    format,
    lang: 'de-de',
    ...(pdf
      ? { pdf: { buffer: pdf, filename: `${document.number}.pdf`, mimetype: 'application/pdf' } }
      : {}),
  })
}

const RAM = 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100'
const QDT = 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100'

/**
 * @e-invoice-eu/core 2.3.4 validates BG-3 (the preceding invoice) but does
 * not carry it into CII (upstream issue #455, fixed after that release).
 * Until a release has it, the credit note's reference to the corrected
 * invoice is added through the XML library where CII places it: last in
 * ApplicableHeaderTradeSettlement, after the monetary summation. Once the
 * library writes the element itself, this leaves the document alone.
 */
function withPrecedingInvoice(xml: string, document: InvoiceDocument): string {
  if (!document.corrected) return xml
  const root = create(xml)
  const settlement = root.find(
    (node) => node.node.nodeName === 'ram:ApplicableHeaderTradeSettlement',
    true,
    true
  )
  if (!settlement) throw new Error('CII without ApplicableHeaderTradeSettlement')
  if (settlement.find((node) => node.node.nodeName === 'ram:InvoiceReferencedDocument')) {
    return xml
  }
  const reference = settlement.ele(RAM, 'ram:InvoiceReferencedDocument')
  reference.ele(RAM, 'ram:IssuerAssignedID').txt(document.corrected.number)
  reference
    .ele(RAM, 'ram:FormattedIssueDateTime')
    .ele(QDT, 'qdt:DateTimeString', { format: '102' })
    .txt(document.corrected.issuedOn.toFormat('yyyyMMdd'))
  return root.end({ prettyPrint: true, indent: '\t' })
}

/** XRechnung (CII) as a UTF-8 string. */
export async function xrechnungXml(document: InvoiceDocument): Promise<string> {
  const xml = (await renderEInvoice(document, E_INVOICE_FORMATS.xrechnung)) as string
  return withPrecedingInvoice(xml, document)
}

/** Factur-X/ZUGFeRD: the given PDF as PDF/A-3 with the CII XML embedded. */
export async function facturXPdf(document: InvoiceDocument, pdf: Uint8Array): Promise<Buffer> {
  const output = (await renderEInvoice(document, E_INVOICE_FORMATS.facturX, pdf)) as Uint8Array
  return Buffer.from(await withEmbeddedPrecedingInvoice(output, document))
}

const FACTUR_X_XML = 'factur-x.xml'

/**
 * The same BG-3 repair for the XML inside a Factur-X PDF: the embedded
 * file's stream is replaced (its size updated), everything else that makes
 * the file a PDF/A-3 stays as the library wrote it.
 */
async function withEmbeddedPrecedingInvoice(
  pdf: Uint8Array,
  document: InvoiceDocument
): Promise<Uint8Array> {
  if (!document.corrected) return pdf
  const loaded = await PDFDocument.load(pdf, { updateMetadata: false })
  const names = loaded.catalog
    .lookup(PDFName.of('Names'), PDFDict)
    .lookup(PDFName.of('EmbeddedFiles'), PDFDict)
    .lookup(PDFName.of('Names'), PDFArray)
  for (let index = 0; index < names.size(); index += 2) {
    if (names.lookup(index, PDFString, PDFHexString).decodeText() !== FACTUR_X_XML) continue
    const files = names.lookup(index + 1, PDFDict).lookup(PDFName.of('EF'), PDFDict)
    const stream = files.lookup(PDFName.of('F'))
    if (!(stream instanceof PDFRawStream)) throw new Error(`${FACTUR_X_XML}: no stream`)
    const xml = new TextDecoder().decode(decodePDFRawStream(stream).decode())
    const repaired = withPrecedingInvoice(xml, document)
    if (repaired === xml) return pdf
    const bytes = new TextEncoder().encode(repaired)
    const params = stream.dict.lookup(PDFName.of('Params'), PDFDict)
    params.set(PDFName.of('Size'), PDFNumber.of(bytes.length))
    params.delete(PDFName.of('CheckSum'))
    const replacement = loaded.context.flateStream(bytes, {
      Type: 'EmbeddedFile',
      Subtype: stream.dict.get(PDFName.of('Subtype')),
      Params: params,
    })
    files.set(PDFName.of('F'), loaded.context.register(replacement))
    return loaded.save()
  }
  throw new Error(`Factur-X PDF without ${FACTUR_X_XML}`)
}
