import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { PDFDocument } from '@cantoo/pdf-lib'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Invoice from '#models/invoice'
import { BOOKING_ZONE, germanWeekLabel } from '#services/booking/iso_week'
import { invoiceDocument } from '#services/invoicing/invoice_document'
import { InvoiceService, lineDescription } from '#services/invoicing/invoice_service'
import Slot from '#models/slot'
import { invoicePdf } from '#services/invoicing/invoice_pdf'
import { approvedBooking, issueCreditNote, issueInvoice } from '#tests/helpers/invoices'

function thisYear() {
  return DateTime.now().setZone(BOOKING_ZONE).year
}

function numberOf(sequence: number) {
  return `${thisYear()}-${String(sequence).padStart(5, '0')}`
}

test.group('Invoice lines', () => {
  test('name the position, the topic (or every topic page) and the week', ({ assert }) => {
    const runOfSite = new Slot().merge({ position: 'vendor_box', topicId: null })
    assert.equal(
      lineDescription(runOfSite, '2027-W02'),
      'Bezahlter Platz „Ausgewählte Anbieter“, alle Themenseiten, KW 2/2027 (2027-W02)'
    )
    assert.equal(
      lineDescription(runOfSite, '2026-W53'),
      'Bezahlter Platz „Ausgewählte Anbieter“, alle Themenseiten, KW 53/2026 (2026-W53)'
    )
  })
})

test.group('InvoiceService', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("an invoice has one line per booked week, naming position, topic and week, and the booking's totals", async ({
    assert,
  }) => {
    const { booking } = await approvedBooking({ weeks: 2, priceCents: 25_000 })
    const invoice = await issueInvoice(booking)

    assert.equal(invoice.number, numberOf(1))
    assert.equal(invoice.kind, 'invoice')
    assert.isNull(invoice.correctsInvoiceId)
    assert.deepEqual(
      invoice.lines.map((line) => [line.week, line.description, line.netCents]),
      booking.weeks.map((week) => [
        week,
        `Anzeige Sidebar, Social Media, ${germanWeekLabel(week)} (${week})`,
        25_000,
      ])
    )
    assert.deepEqual(
      [invoice.netCents, invoice.vatCents, invoice.grossCents],
      [booking.netCents, booking.vatCents, booking.grossCents]
    )
    assert.deepEqual(
      [invoice.netCents, invoice.vatCents, invoice.grossCents],
      [50_000, 9_500, 59_500]
    )
    assert.equal(invoice.periodStart.toISODate(), DateTime.fromISO(booking.weeks[0]).toISODate())
    assert.equal(invoice.periodEnd.weekday, 7)

    // What the PDF and the e-invoice print comes from this one row.
    const document = invoiceDocument(invoice)
    assert.deepEqual(
      [document.netCents, document.vatCents, document.grossCents],
      [invoice.netCents, invoice.vatCents, invoice.grossCents]
    )
    assert.equal(document.title, 'Rechnung')
    assert.equal(document.buyerReference, `Buchung ${booking.id}`)
    assert.equal(document.dueOn.diff(document.issuedOn, 'days').days, 14)
    assert.include(document.paymentTerms, invoice.seller.iban)
  })

  test('a credit note takes the next number and mirrors the invoice it corrects', async ({
    assert,
  }) => {
    const { booking } = await approvedBooking({
      weeks: 3,
      billing: { buyerReference: '991-12345-67', vatId: null },
    })
    const invoice = await issueInvoice(booking)
    const creditNote = await issueCreditNote(booking)
    await creditNote.load('corrects')

    assert.equal(creditNote.number, numberOf(2))
    assert.equal(creditNote.kind, 'credit_note')
    assert.equal(creditNote.correctsInvoiceId, invoice.id)
    assert.deepEqual(creditNote.lines, invoice.lines)
    assert.deepEqual(creditNote.buyer, invoice.buyer)
    assert.deepEqual(
      [creditNote.netCents, creditNote.vatCents, creditNote.grossCents],
      [invoice.netCents, invoice.vatCents, invoice.grossCents]
    )
    const document = invoiceDocument(creditNote)
    assert.equal(document.title, 'Gutschrift')
    assert.equal(document.subtitle, `Rechnungskorrektur (Gutschrift) zu Rechnung ${invoice.number}`)
    assert.equal(document.buyerReference, '991-12345-67')
  })

  test('numbers are consecutive, and a rolled-back approval gives its number back', async ({
    assert,
  }) => {
    const first = await approvedBooking()
    const second = await approvedBooking()
    const third = await approvedBooking()

    const firstInvoice = await issueInvoice(first.booking)
    const numbers = [firstInvoice.number]
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await new InvoiceService().issueInvoice(second.booking, trx)
        throw new Error('the approval failed after the invoice')
      })
    )
    const afterRollback = await issueInvoice(third.booking)
    const retried = await issueInvoice(second.booking)
    numbers.push(afterRollback.number, retried.number)
    assert.deepEqual(numbers, [numberOf(1), numberOf(2), numberOf(3)])
    assert.lengthOf(await Invoice.query().where('booking_id', second.booking.id), 1)
  })

  test('an issued invoice refuses updates and deletion', async ({ assert }) => {
    const { booking } = await approvedBooking()
    const invoice = await issueInvoice(booking)

    invoice.merge({ netCents: 1, buyer: { ...invoice.buyer, company: 'Andere GmbH' } })
    await assert.rejects(() => invoice.save(), /cannot be changed/)
    await assert.rejects(() => invoice.delete(), /cannot be deleted/)

    const stored = await Invoice.findOrFail(invoice.id)
    assert.equal(stored.netCents, 50_000)
    assert.notEqual(stored.buyer.company, 'Andere GmbH')
  })

  test('the PDF is an A4 page titled with the kind and number', async ({ assert }) => {
    const { booking } = await approvedBooking({ weeks: 2 })
    const invoice = await issueInvoice(booking)
    const pdf = await invoicePdf(invoiceDocument(invoice))
    assert.equal(pdf.subarray(0, 8).toString('latin1'), '%PDF-1.7')
    const loaded = await PDFDocument.load(pdf)
    assert.equal(loaded.getPageCount(), 1)
    assert.deepEqual(loaded.getPage(0).getSize(), { width: 595.28, height: 841.89 })
    assert.equal(loaded.getTitle(), `Rechnung ${invoice.number}`)
    assert.equal(loaded.getAuthor(), invoice.seller.name)
  })
})
