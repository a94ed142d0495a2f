import { type DateTime } from 'luxon'
import billingConfig, { type Seller } from '#config/billing'
import type Invoice from '#models/invoice'
import type { BillingData } from '#models/billing_detail'
import { weekEnd, weekStart } from '#services/booking/iso_week'
import { VAT_PERCENT } from '#services/booking/pricing'

/** Days after the date of issue within which an invoice is due. */
export const PAYMENT_DAYS = 14

export type DocumentLine = {
  position: number
  description: string
  start: DateTime
  end: DateTime
  netCents: number
}

/**
 * Everything the PDF and the e-invoice print, read once from an issued
 * invoice row. Both formats take their numbers from here, so they cannot
 * disagree with each other or with the row.
 */
export type InvoiceDocument = {
  number: string
  kind: Invoice['kind']
  /** "Rechnung" or "Gutschrift" */
  title: string
  /** For credit notes: "Rechnungskorrektur (Gutschrift) zu Rechnung 2027-00041" */
  subtitle: string | null
  issuedOn: DateTime
  dueOn: DateTime
  periodStart: DateTime
  periodEnd: DateTime
  seller: Seller
  buyer: BillingData
  /** BT-10: the buyer's own reference (Leitweg-ID) or, without one, our booking. */
  buyerReference: string
  bookingId: number
  corrected: { number: string; issuedOn: DateTime } | null
  lines: DocumentLine[]
  vatPercent: number
  netCents: number
  vatCents: number
  grossCents: number
  paymentTerms: string
}

const GERMAN_DATE = 'dd.MM.yyyy'

export function germanDate(date: DateTime): string {
  return date.toFormat(GERMAN_DATE)
}

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' })

/** "1.234,56 €" */
export function germanMoney(cents: number): string {
  return euro.format(cents / 100)
}

/** "1234.56", as e-invoices write amounts. */
export function decimalAmount(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const absolute = Math.abs(cents)
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`
}

/** The reference that stands in for BT-10 when the buyer gave none. */
export function bookingReference(bookingId: number): string {
  return `Buchung ${bookingId}`
}

function paymentTerms(invoice: Invoice, seller: Seller, dueOn: DateTime): string {
  if (invoice.kind === 'credit_note') {
    return `Der Betrag von ${germanMoney(invoice.grossCents)} wird Ihnen innerhalb von ${PAYMENT_DAYS} Tagen erstattet.`
  }
  return (
    `Zahlbar ohne Abzug innerhalb von ${PAYMENT_DAYS} Tagen bis zum ${germanDate(dueOn)} ` +
    `auf das Konto IBAN ${seller.iban}, BIC ${seller.bic}. ` +
    `Bitte geben Sie als Verwendungszweck die Rechnungsnummer ${invoice.number} an.`
  )
}

/**
 * The document of an invoice. A credit note needs `corrects` preloaded
 * (`invoice.load('corrects')`).
 */
export function invoiceDocument(invoice: Invoice): InvoiceDocument {
  // Snapshots issued before the seller had a phone number take today's.
  const seller: Seller = { ...billingConfig.seller, ...invoice.seller }
  const dueOn = invoice.issuedOn.plus({ days: PAYMENT_DAYS })
  const corrected =
    invoice.kind === 'credit_note' && invoice.corrects
      ? { number: invoice.corrects.number, issuedOn: invoice.corrects.issuedOn }
      : null
  if (invoice.kind === 'credit_note' && !corrected) {
    throw new Error(`Credit note ${invoice.number}: preload the corrected invoice`)
  }
  return {
    number: invoice.number,
    kind: invoice.kind,
    title: invoice.kind === 'invoice' ? 'Rechnung' : 'Gutschrift',
    subtitle: corrected ? `Rechnungskorrektur (Gutschrift) zu Rechnung ${corrected.number}` : null,
    issuedOn: invoice.issuedOn,
    dueOn,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    seller,
    buyer: invoice.buyer,
    buyerReference: invoice.buyer.buyerReference || bookingReference(invoice.bookingId),
    bookingId: invoice.bookingId,
    corrected,
    lines: invoice.lines.map((line, index) => ({
      position: index + 1,
      description: line.description,
      start: weekStart(line.week),
      end: weekEnd(line.week),
      netCents: line.netCents,
    })),
    vatPercent: VAT_PERCENT,
    netCents: invoice.netCents,
    vatCents: invoice.vatCents,
    grossCents: invoice.grossCents,
    paymentTerms: paymentTerms(invoice, seller, dueOn),
  }
}

/** Cents as the page's language writes euros ("1.234,56 €", "€1,234.56"). */
export function moneyFormatter(locale: string): (cents: number) => string {
  const format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
    style: 'currency',
    currency: 'EUR',
  })
  return (cents) => format.format(cents / 100)
}
