import { stringify } from 'csv-stringify'
import type Invoice from '#models/invoice'
import { escapeCell } from '#services/vendors/vendor_csv'
import { decimalAmount } from '#services/invoicing/invoice_document'

/** The accountant's columns, in order. Amounts in euros with a decimal point. */
export const INVOICE_CSV_COLUMNS = [
  'number',
  'kind',
  'issued_on',
  'buyer',
  'vat_id',
  'net',
  'vat',
  'gross',
  'booking_id',
  'corrected_invoice',
] as const

/** One row per invoice; text a spreadsheet would run as a formula is escaped. */
export function invoiceCsvRow(invoice: Invoice) {
  return {
    number: invoice.number,
    kind: invoice.kind,
    issued_on: invoice.issuedOn.toISODate(),
    buyer: escapeCell(invoice.buyer.company),
    vat_id: escapeCell(invoice.buyer.vatId ?? ''),
    net: decimalAmount(invoice.netCents),
    vat: decimalAmount(invoice.vatCents),
    gross: decimalAmount(invoice.grossCents),
    booking_id: String(invoice.bookingId),
    corrected_invoice: invoice.corrects?.number ?? '',
  }
}

/** The CSV of the given invoices (`corrects` preloaded), UTF-8 with a header row. */
export function invoiceCsv(invoices: Invoice[]) {
  const stringifier = stringify({ header: true, columns: [...INVOICE_CSV_COLUMNS], bom: true })
  for (const invoice of invoices) stringifier.write(invoiceCsvRow(invoice))
  stringifier.end()
  return stringifier
}
