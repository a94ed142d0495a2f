import { DateTime } from 'luxon'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Booking from '#models/booking'
import BookingWeek from '#models/booking_week'
import BillingDetail from '#models/billing_detail'
import type Slot from '#models/slot'
import User from '#models/user'
import Vendor from '#models/vendor'
import billingConfig from '#config/billing'
import type { DemoSlots } from '#database/seeders/demo_seeder'
import { InvoiceService } from '#services/invoicing/invoice_service'
import { addWeeks, weekOf, type IsoWeek } from '#services/booking/iso_week'
import { quote } from '#services/booking/pricing'

const DEMO_BILLING = {
  'advertiser@example.com': {
    company: 'Demo Werbekunde GmbH',
    street: 'Marktplatz 1',
    postalCode: '06108',
    city: 'Halle (Saale)',
    country: 'DE',
    invoiceEmail: 'rechnung@advertiser.example.com',
    vatId: 'DE811907980',
    buyerReference: null,
  },
  'vendor@example.com': {
    company: 'SEITENBAU GmbH',
    street: 'Seestraße 1',
    postalCode: '78467',
    city: 'Konstanz',
    country: 'DE',
    invoiceEmail: 'rechnung@vendor.example.com',
    vatId: null,
    buyerReference: null,
  },
} as const

type DemoBooking = {
  user: User
  slot: Slot
  weeks: IsoWeek[]
  status: 'approved' | 'requested'
  creative: Partial<Booking>
}

/**
 * The demo's bookings (docs/decisions.md), written in the demo seeder's
 * transaction on the demo slots (`seedDemoSlots`): billing details of the
 * two demo advertisers, an approved text ad of advertiser@example.com on the
 * Social Media sidebar for this week and the next three, an approved
 * vendor_box booking of SEITENBAU GmbH for this week (both with their
 * invoices), and requests for later weeks. Weeks count from `now`. Runs
 * once: nothing is written when the demo advertiser already has a booking.
 */
export async function seedDemoBookings(
  trx: TransactionClientContract,
  slots: DemoSlots,
  now: DateTime = DateTime.now()
): Promise<number> {
  const users = await User.query({ client: trx }).whereIn('email', Object.keys(DEMO_BILLING))
  const advertiser = users.find((user) => user.email === 'advertiser@example.com')
  const owner = users.find((user) => user.email === 'vendor@example.com')
  const seitenbau = await Vendor.findBy('slug', 'seitenbau-gmbh', { client: trx })
  const sidebar = slots.get('social-media')?.sidebar
  const box = slots.get('social-media')?.vendor_box
  const government = slots.get('e-government')?.sidebar
  if (!advertiser || !owner || !seitenbau || !sidebar || !box || !government) return 0

  for (const user of [advertiser, owner]) {
    const data = DEMO_BILLING[user.email as keyof typeof DEMO_BILLING]
    const existing = await BillingDetail.findBy('user_id', user.id, { client: trx })
    if (!existing) await BillingDetail.create({ ...data, userId: user.id }, { client: trx })
  }

  const already = await Booking.query({ client: trx }).where('user_id', advertiser.id).first()
  if (already) return 0

  const current = weekOf(now)
  const later = (offset: number) => addWeeks(current, offset)
  const text = (headline: string, body: string) => ({
    creativeKind: 'text' as const,
    headline,
    body,
    targetUrl: 'https://www.example.com/digitale-verwaltung',
  })
  const demo: DemoBooking[] = [
    {
      user: advertiser,
      slot: sidebar,
      weeks: [current, later(1), later(2), later(3)],
      status: 'approved',
      creative: text(
        'Social Media für Kommunen',
        'Redaktionsplanung, Schulung und Community-Management für Ihre Verwaltung.'
      ),
    },
    {
      user: owner,
      slot: box,
      weeks: [current],
      status: 'approved',
      creative: { creativeKind: 'vendor', vendorId: seitenbau.id },
    },
    {
      user: advertiser,
      slot: sidebar,
      weeks: [later(6), later(7)],
      status: 'requested',
      creative: text(
        'Bürgerdialog online',
        'Beteiligungsplattformen, die Bürgerinnen und Bürger wirklich nutzen.'
      ),
    },
    {
      user: advertiser,
      slot: government,
      weeks: [later(2)],
      status: 'requested',
      creative: text(
        'E-Akte in 90 Tagen',
        'Einführung der E-Akte mit festem Zeitplan und Festpreis.'
      ),
    },
  ]

  const invoices = new InvoiceService()
  for (const entry of demo) {
    const booking = await Booking.create(
      {
        slotId: entry.slot.id,
        userId: entry.user.id,
        status: entry.status,
        headline: null,
        body: null,
        targetUrl: null,
        imagePath: null,
        imageAlt: null,
        vendorId: null,
        ...entry.creative,
        priceCents: entry.slot.priceCents,
        ...quote(entry.slot.priceCents, entry.weeks.length),
        holdExpiresAt:
          entry.status === 'requested'
            ? now.plus({ hours: billingConfig.holdHours }).startOf('second')
            : null,
        decidedAt: entry.status === 'approved' ? now : null,
        impressionCap: null,
      },
      { client: trx }
    )
    await BookingWeek.createMany(
      entry.weeks.map((week) => ({ bookingId: booking.id, slotId: entry.slot.id, week })),
      { client: trx }
    )
    if (entry.status === 'approved') await invoices.issueInvoice(booking, trx)
  }
  return demo.length
}

/**
 * Lucid runs every file in this folder; this one is no seeder of its own
 * (DemoSeeder calls seedDemoBookings in its transaction), so it never runs.
 */
export default class DemoBookingsSeeder extends BaseSeeder {
  static environment: string[] = []

  async run() {}
}
