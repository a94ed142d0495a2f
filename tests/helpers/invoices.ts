import db from '@adonisjs/lucid/services/db'
import type Booking from '#models/booking'
import type User from '#models/user'
import type { BillingData } from '#models/billing_detail'
import { BillingDetailFactory } from '#database/factories/billing_detail_factory'
import { BookingFactory, bookWeeks, upcomingWeeks } from '#database/factories/booking_factory'
import { SlotFactory } from '#database/factories/slot_factory'
import { TopicFactory } from '#database/factories/topic_factory'
import { UserFactory } from '#database/factories/user_factory'
import { InvoiceService } from '#services/invoicing/invoice_service'

/**
 * An approved sidebar booking of `weeks` upcoming weeks on a "Social Media"
 * topic, by an advertiser with billing details (`billing` overrides them).
 */
export async function approvedBooking(
  options: {
    user?: User
    billing?: Partial<BillingData>
    weeks?: number
    priceCents?: number
  } = {}
) {
  const user = options.user ?? (await UserFactory.create())
  await BillingDetailFactory.merge({ userId: user.id, ...options.billing }).create()
  const topic = await TopicFactory.merge({ name: 'Social Media' }).create()
  const slot = await SlotFactory.merge({
    topicId: topic.id,
    priceCents: options.priceCents ?? 25_000,
  }).create()
  const booking = await BookingFactory.merge({
    slotId: slot.id,
    userId: user.id,
    priceCents: options.priceCents ?? 25_000,
  })
    .apply('approved')
    .create()
  await bookWeeks(booking, upcomingWeeks(options.weeks ?? 2))
  return { user, slot, topic, booking }
}

/** What the approval does: the invoice in its own transaction. */
export function issueInvoice(booking: Booking) {
  return db.transaction((trx) => new InvoiceService().issueInvoice(booking, trx))
}

/** What a cancellation after approval does: the credit note. */
export function issueCreditNote(booking: Booking) {
  return db.transaction((trx) => new InvoiceService().issueCreditNote(booking, trx))
}
