import { DateTime } from 'luxon'
import { BaseTransformer } from '@adonisjs/core/transformers'
import type Booking from '#models/booking'
import { creativeImageUrl } from '#services/booking/creative_url'

/**
 * A booking as the API shows it, with its computed status (live, ended,
 * expired). Expects `slot.topic`, `vendor` and `bookingWeeks` loaded
 * (`loadBookingShape`).
 */
export default class BookingTransformer extends BaseTransformer<Booking> {
  toObject() {
    const booking = this.resource
    return {
      id: booking.id,
      status: booking.statusAt(DateTime.now()),
      slotId: booking.slotId,
      topic: booking.slot.topic?.slug ?? null,
      position: booking.slot.position,
      weeks: booking.weeks,
      netCents: booking.netCents,
      vatCents: booking.vatCents,
      grossCents: booking.grossCents,
      holdExpiresAt: booking.holdExpiresAt?.toUTC().toISO() ?? null,
      impressionCap: booking.impressionCap,
      creative: creativeOf(booking),
    }
  }
}

function creativeOf(booking: Booking) {
  switch (booking.creativeKind) {
    case 'text':
      return {
        kind: 'text' as const,
        headline: booking.headline ?? '',
        body: booking.body ?? '',
        url: booking.targetUrl ?? '',
      }
    case 'image':
      return {
        kind: 'image' as const,
        alt: booking.imageAlt ?? '',
        url: booking.targetUrl ?? '',
        imageUrl: creativeImageUrl(booking.imagePath),
      }
    case 'vendor':
      return { kind: 'vendor' as const, vendorSlug: booking.vendor?.slug ?? null }
  }
}
