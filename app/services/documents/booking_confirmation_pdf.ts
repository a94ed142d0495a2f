import PDFDocument from 'pdfkit'
import { DateTime } from 'luxon'
import type { I18n } from '@adonisjs/i18n'
import billingConfig from '#config/billing'
import type Booking from '#models/booking'
import type BillingDetail from '#models/billing_detail'
import { germanWeekLabel, weekEnd, weekStart } from '#services/booking/iso_week'
import { formatCents } from '#services/booking/money'
import { VAT_PERCENT } from '#services/booking/pricing'

/**
 * The booking confirmation as a PDF (pdfkit): seller and buyer, slot,
 * weeks, creative, net, VAT, gross and the status at `now`. Expects the
 * booking's shape loaded (loadBookingShape).
 */
export function bookingConfirmationPdf(
  booking: Booking,
  buyer: BillingDetail | null,
  i18n: I18n,
  now: DateTime = DateTime.now()
): Promise<Buffer> {
  const t = (key: string, data?: Record<string, unknown>) => i18n.t(`bookings.pdf.${key}`, data)
  const money = (cents: number) => formatCents(cents, i18n.locale)
  const date = (value: DateTime) =>
    value.setLocale(i18n.locale === 'en' ? 'en-GB' : 'de-DE').toLocaleString(DateTime.DATE_MED)
  const seller = billingConfig.seller

  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: t('title', { id: booking.id }), Author: seller.name },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(t('title', { id: booking.id }))
  doc.moveDown(0.3)
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(t('issued', { date: date(now) }))
  doc.moveDown()

  const top = doc.y
  doc.font('Helvetica-Bold').text(t('seller'), 56, top)
  doc
    .font('Helvetica')
    .text(
      [seller.name, seller.street, `${seller.postalCode} ${seller.city}`, seller.country].join(
        '\n'
      ),
      { width: 220 }
    )
  doc.font('Helvetica-Bold').text(t('buyer'), 320, top)
  doc
    .font('Helvetica')
    .text(
      buyer
        ? [buyer.company, buyer.street, `${buyer.postalCode} ${buyer.city}`, buyer.country].join(
            '\n'
          )
        : '–',
      320,
      doc.y,
      { width: 220 }
    )
  doc.x = 56
  doc.moveDown(2)

  const slot = booking.slot
  const rows: [string, string][] = [
    [t('status'), i18n.t(`bookings.statuses.${booking.statusAt(now)}`)],
    [
      t('slot'),
      `${i18n.t(`bookings.positions.${slot.position}`)} – ${slot.topic?.name ?? i18n.t('bookings.run_of_site')}`,
    ],
    [t('weeks'), booking.weeks.map((week) => `${week} (${germanWeekLabel(week)})`).join(', ')],
    [
      t('period'),
      `${date(weekStart(booking.weeks[0]))} – ${date(weekEnd(booking.weeks[booking.weeks.length - 1]))}`,
    ],
    [t('creative'), creativeText(booking, i18n)],
  ]
  for (const [label, value] of rows) {
    doc.font('Helvetica-Bold').text(label, 56, doc.y, { continued: false })
    doc.font('Helvetica').text(value, { width: 480 })
    doc.moveDown(0.5)
  }

  doc.moveDown()
  const amounts: [string, string][] = [
    [
      t('price', { count: booking.weeks.length, price: money(booking.priceCents) }),
      money(booking.netCents),
    ],
    [t('net'), money(booking.netCents)],
    [t('vat', { percent: VAT_PERCENT }), money(booking.vatCents)],
    [t('gross'), money(booking.grossCents)],
  ]
  for (const [label, value] of amounts) {
    const y = doc.y
    doc
      .font(label === t('gross') ? 'Helvetica-Bold' : 'Helvetica')
      .text(label, 56, y, { width: 340 })
    doc.text(value, 400, y, { width: 140, align: 'right' })
    doc.moveDown(0.3)
  }
  doc.x = 56
  doc.moveDown(2)
  const approved = ['approved', 'live', 'ended'].includes(booking.statusAt(now))
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(t(approved ? 'note_approved' : 'note'), { width: 480 })

  doc.end()
  return done
}

function creativeText(booking: Booking, i18n: I18n) {
  switch (booking.creativeKind) {
    case 'text':
      return `${i18n.t('bookings.kinds.text')}: ${booking.headline}\n${booking.body}\n${booking.targetUrl}`
    case 'image':
      return `${i18n.t('bookings.kinds.image')}: ${booking.imageAlt}\n${booking.targetUrl}`
    case 'vendor':
      return `${i18n.t('bookings.kinds.vendor')}: ${booking.vendor?.name ?? ''}`
  }
}
