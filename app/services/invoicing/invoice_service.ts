import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import billingConfig from '#config/billing'
import type Booking from '#models/booking'
import BillingDetail from '#models/billing_detail'
import Invoice, { type InvoiceKind, type InvoiceLine } from '#models/invoice'
import { BOOKING_ZONE, germanWeekLabel, weekEnd, weekStart } from '#services/booking/iso_week'
import { priceOf } from '#services/booking/pricing'

/**
 * The next number of the year, "2027-00042". Called inside the approving
 * (or cancelling) transaction: the counter row is locked on PostgreSQL and
 * SQLite has one writer, so numbers are consecutive and never skip, and a
 * rolled-back approval gives its number back.
 */
export async function nextInvoiceNumber(year: number, trx: TransactionClientContract) {
  const counter = await trx
    .from('invoice_counters')
    .where('year', year)
    .ifDialect('postgres', (query) => query.forUpdate())
    .first()
  const next = (counter?.last_number ?? 0) + 1
  if (counter) {
    await trx.from('invoice_counters').where('year', year).update({ last_number: next })
  } else {
    await trx.table('invoice_counters').insert({ year, last_number: next })
  }
  return `${year}-${String(next).padStart(5, '0')}`
}

/**
 * Issues invoices and credit notes for bookings. Both are written in the
 * caller's transaction, so a decision and its invoice land together.
 */
export class InvoiceService {
  /** The invoice of an approved booking: one line per week. */
  issueInvoice(booking: Booking, trx: TransactionClientContract) {
    return this.#issue('invoice', booking, null, trx)
  }

  /** Reverses the booking's invoice when an approved booking is cancelled. */
  async issueCreditNote(booking: Booking, trx: TransactionClientContract) {
    const invoice = await Invoice.query({ client: trx })
      .where('booking_id', booking.id)
      .where('kind', 'invoice')
      .orderBy('id', 'desc')
      .firstOrFail()
    return this.#issue('credit_note', booking, invoice, trx)
  }

  async #issue(
    kind: InvoiceKind,
    booking: Booking,
    corrects: Invoice | null,
    trx: TransactionClientContract
  ) {
    await booking.load('bookingWeeks')
    const weeks = booking.weeks
    const billing = await BillingDetail.query({ client: trx })
      .where('user_id', booking.userId)
      .firstOrFail()
    const issuedOn = DateTime.now().setZone(BOOKING_ZONE).startOf('day')
    const lines: InvoiceLine[] = weeks.map((week) => ({
      week,
      description: `Slot #${booking.slotId}, ${germanWeekLabel(week)} (${week})`,
      netCents: booking.priceCents,
    }))
    const totals = priceOf(lines.reduce((sum, line) => sum + line.netCents, 0))

    return Invoice.create(
      {
        number: await nextInvoiceNumber(issuedOn.year, trx),
        kind,
        bookingId: booking.id,
        userId: booking.userId,
        correctsInvoiceId: corrects?.id ?? null,
        issuedOn,
        periodStart: weekStart(weeks[0]),
        periodEnd: weekEnd(weeks[weeks.length - 1]),
        seller: { ...billingConfig.seller },
        buyer: billing.toBillingData(),
        lines,
        ...totals,
      },
      { client: trx }
    )
  }
}
