import { DateTime } from 'luxon'
import Invoice from '#models/invoice'
import { BOOKING_ZONE } from '#services/booking/iso_week'

export type InvoiceFilter = { year?: number; month?: number }

export const EDITORIAL_INVOICES_PER_PAGE = 50

/** The advertiser's invoices and credit notes, newest first. */
export function accountInvoices(userId: number) {
  return Invoice.query()
    .withScopes((scopes) => scopes.ownedBy(userId))
    .preload('corrects')
    .orderBy('issued_on', 'desc')
    .orderBy('number', 'desc')
}

/** Every invoice of a year or month (or all of them), in number order. */
export function editorialInvoices(filter: InvoiceFilter) {
  const query = Invoice.query().preload('corrects').orderBy('number', 'asc')
  if (filter.year) {
    const start = DateTime.fromObject(
      { year: filter.year, month: filter.month ?? 1, day: 1 },
      { zone: BOOKING_ZONE }
    )
    const end = start.plus(filter.month ? { months: 1 } : { years: 1 })
    query.where('issued_on', '>=', start.toISODate()!).where('issued_on', '<', end.toISODate()!)
  }
  return query
}

/** An invoice by its number (with the invoice a credit note corrects), or null. */
export function invoiceByNumber(number: string) {
  return Invoice.query().where('number', number).preload('corrects').first()
}
