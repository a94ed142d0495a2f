import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import billingConfig from '#config/billing'
import type Booking from '#models/booking'
import BillingDetail from '#models/billing_detail'
import BookingWeek from '#models/booking_week'
import Slot, { type SlotPosition } from '#models/slot'
import Invoice, { type InvoiceKind, type InvoiceLine } from '#models/invoice'
import {
  BOOKING_ZONE,
  germanWeekLabel,
  sortWeeks,
  weekEnd,
  weekStart,
  type IsoWeek,
} from '#services/booking/iso_week'
import { priceOf } from '#services/booking/pricing'

/**
 * The next number of the year, "2027-00042". Called inside the approving
 * (or cancelling) transaction: the counter row is locked on PostgreSQL and
 * SQLite has one writer, so numbers are consecutive and never skip, and a
 * rolled-back approval gives its number back.
 */
export async function nextInvoiceNumber(year: number, trx: TransactionClientContract) {
  // The year's first invoice: concurrent transactions must not both insert
  // the row (the loser would fail on the key); on PostgreSQL the second
  // waits here until the first commits, then finds the row.
  await trx.table('invoice_counters').insert({ year, last_number: 0 }).onConflict('year').ignore()
  const counter = await trx
    .from('invoice_counters')
    .where('year', year)
    .ifDialect('postgres', (query) => query.forUpdate())
    .firstOrFail()
  const next = Number(counter.last_number) + 1
  await trx.from('invoice_counters').where('year', year).update({ last_number: next })
  return `${year}-${String(next).padStart(5, '0')}`
}

const POSITION_LABELS: Record<SlotPosition, string> = {
  sidebar: 'Anzeige Sidebar',
  vendor_box: 'Bezahlter Platz „Ausgewählte Anbieter“',
}

/** "Anzeige Sidebar, Social Media, KW 2/2027 (2027-W02)" */
export function lineDescription(slot: Slot, week: IsoWeek): string {
  const where = slot.topic ? slot.topic.name : 'alle Themenseiten'
  return `${POSITION_LABELS[slot.position]}, ${where}, ${germanWeekLabel(week)} (${week})`
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
    const issuedOn = DateTime.now().setZone(BOOKING_ZONE).startOf('day')
    // A credit note mirrors the invoice it reverses: same buyer, lines and totals.
    const content = corrects
      ? {
          periodStart: corrects.periodStart,
          periodEnd: corrects.periodEnd,
          buyer: corrects.buyer,
          lines: corrects.lines,
          netCents: corrects.netCents,
          vatCents: corrects.vatCents,
          grossCents: corrects.grossCents,
        }
      : await this.#content(booking, trx)

    return Invoice.create(
      {
        number: await nextInvoiceNumber(issuedOn.year, trx),
        kind,
        bookingId: booking.id,
        userId: booking.userId,
        correctsInvoiceId: corrects?.id ?? null,
        issuedOn,
        seller: { ...billingConfig.seller },
        ...content,
      },
      { client: trx }
    )
  }

  /** Buyer, one line per booked week, and the totals of a booking. */
  async #content(booking: Booking, trx: TransactionClientContract) {
    // Read through `trx`: on SQLite a query outside it would wait for the one connection.
    const rows = await BookingWeek.query({ client: trx }).where('booking_id', booking.id)
    const weeks = sortWeeks(rows.map((row) => row.week))
    if (weeks.length === 0) throw new Error(`Booking ${booking.id} has no weeks to invoice`)
    const billing = await BillingDetail.query({ client: trx })
      .where('user_id', booking.userId)
      .firstOrFail()
    const slot = await Slot.query({ client: trx })
      .where('id', booking.slotId)
      .preload('topic')
      .firstOrFail()
    const lines: InvoiceLine[] = weeks.map((week) => ({
      week,
      description: lineDescription(slot, week),
      netCents: booking.priceCents,
    }))
    return {
      periodStart: weekStart(weeks[0]),
      periodEnd: weekEnd(weeks[weeks.length - 1]),
      buyer: billing.toBillingData(),
      lines,
      ...priceOf(lines.reduce((sum, line) => sum + line.netCents, 0)),
    }
  }
}
