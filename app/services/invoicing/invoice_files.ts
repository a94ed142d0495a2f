import type { HttpContext } from '@adonisjs/core/http'
import type Invoice from '#models/invoice'
import { invoiceDocument } from '#services/invoicing/invoice_document'
import { invoicePdf } from '#services/invoicing/invoice_pdf'
import { facturXPdf, xrechnungXml } from '#services/invoicing/e_invoice'

/** What an invoice can be downloaded as. */
export const INVOICE_FORMATS = ['pdf', 'xrechnung', 'zugferd'] as const
export type InvoiceFormat = (typeof INVOICE_FORMATS)[number]

export type InvoiceFile = { body: Buffer | string; contentType: string; filename: string }

const KIND_NAMES = { invoice: 'Rechnung', credit_note: 'Gutschrift' } as const

/**
 * An issued invoice as a file: the PDF for people, the XRechnung (CII) XML,
 * or the Factur-X/ZUGFeRD PDF with the same XML embedded. All three are
 * rendered from the stored row, so they always agree. Needs `corrects`
 * preloaded on credit notes.
 */
export async function invoiceFile(invoice: Invoice, format: InvoiceFormat): Promise<InvoiceFile> {
  const document = invoiceDocument(invoice)
  const base = `${KIND_NAMES[invoice.kind]}-${invoice.number}`
  switch (format) {
    case 'pdf':
      return {
        body: await invoicePdf(document),
        contentType: 'application/pdf',
        filename: `${base}.pdf`,
      }
    case 'xrechnung':
      return {
        body: await xrechnungXml(document),
        contentType: 'application/xml; charset=utf-8',
        filename: `${base}-xrechnung.xml`,
      }
    case 'zugferd':
      return {
        body: await facturXPdf(document, await invoicePdf(document)),
        contentType: 'application/pdf',
        filename: `${base}-zugferd.pdf`,
      }
  }
}

/** Sends the file as a download. */
export function sendInvoiceFile(response: HttpContext['response'], file: InvoiceFile) {
  response.header('content-type', file.contentType)
  response.attachment(file.filename)
  return response.send(file.body)
}
