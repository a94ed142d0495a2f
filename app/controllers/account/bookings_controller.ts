import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import billingConfig from '#config/billing'
import BillingDetail from '#models/billing_detail'
import Booking from '#models/booking'
import Slot from '#models/slot'
import Vendor from '#models/vendor'
import BookingPolicy from '#policies/booking_policy'
import BookingService, { mayAdvertiserCancel } from '#services/booking/booking_service'
import { creativeUploadOf } from '#services/booking/creative_image'
import { creativeImageUrl } from '#services/booking/creative_url'
import { WEEKS_AHEAD } from '#services/booking/capacity'
import { formatCents } from '#services/booking/money'
import { VAT_PERCENT } from '#services/booking/pricing'
import { bookingConfirmationPdf } from '#services/documents/booking_confirmation_pdf'
import { loadBookingShape, ownBookings } from '#queries/booking_listing'
import { slotCard } from '#queries/rate_card'
import { bookingStatsSection } from '#queries/stats_charts'
import {
  bookingFormValidator,
  bookingMessages,
  bookingStoreValidator,
} from '#validators/booking_validator'

/** An advertiser's bookings: list, book (slot, weeks, creative), show, cancel, confirmation PDF. */
@inject()
export default class BookingsController {
  constructor(private bookings: BookingService) {}

  async index({ auth, view, i18n }: HttpContext) {
    const bookings = await ownBookings(auth.getUserOrFail().id)
    return view.render('pages/account/bookings/index', {
      bookings,
      money: (cents: number) => formatCents(cents, i18n.locale),
    })
  }

  /** Billing details come first: without them the form sends the advertiser there and back. */
  async create({ auth, bouncer, request, response, session, view, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(BookingPolicy).authorize('create')
    if (!(await BillingDetail.findBy('user_id', user.id))) {
      return response.redirect().toRoute('account.billing.edit', undefined, {
        qs: { next: request.url(true) },
      })
    }
    const { slot: slotId, weeks } = await request.validateUsing(bookingFormValidator, {
      data: request.qs(),
      ...bookingMessages(i18n),
    })
    // Back from a refused booking, the form keeps the slot it was for.
    const chosenSlot = slotId ?? (Number(session.flashMessages.get('slotId')) || null)
    const slot = chosenSlot
      ? await Slot.query().where('id', chosenSlot).where('active', true).first()
      : null
    const slots = slot
      ? []
      : await Slot.query()
          .withScopes((scopes) => scopes.active())
          .preload('topic')
          .orderBy('id')
    const vendors =
      slot?.position === 'vendor_box'
        ? await Vendor.query()
            .withScopes((scopes) => scopes.published())
            .whereHas('members', (members) => members.where('user_id', user.id))
            .orderBy('name')
        : []
    return view.render('pages/account/bookings/create', {
      slot,
      slots,
      card: slot ? await slotCard(slot, WEEKS_AHEAD) : null,
      chosen: weeks ?? [],
      vendors,
      holdHours: billingConfig.holdHours,
      money: (cents: number) => formatCents(cents, i18n.locale),
    })
  }

  async store({ auth, bouncer, request, response, session, i18n }: HttpContext) {
    await bouncer.with(BookingPolicy).authorize('create')
    const input = await request.validateUsing(bookingStoreValidator, bookingMessages(i18n))
    const image = await creativeUploadOf(input.image)
    const booking = await this.bookings.request(auth.getUserOrFail(), { ...input, image })
    session.flash('notice', i18n.t('bookings.flash.requested'))
    return response.redirect().toRoute('account.bookings.show', { id: booking.id })
  }

  async show({ auth, bouncer, params, view, i18n }: HttpContext) {
    const booking = await loadBookingShape(await viewable(bouncer, params.id))
    return view.render('pages/account/bookings/show', {
      booking,
      status: booking.statusAt(),
      canCancel: canCancel(booking, auth.getUserOrFail().isEditor),
      imageUrl: creativeImageUrl(booking.imagePath),
      vatPercent: VAT_PERCENT,
      cancelDays: billingConfig.cancelDays,
      money: (cents: number) => formatCents(cents, i18n.locale),
      statistics: await bookingStatsSection(booking, i18n),
    })
  }

  async cancel({ auth, bouncer, params, response, session, i18n }: HttpContext) {
    const booking = await viewable(bouncer, params.id)
    await this.bookings.cancel(auth.getUserOrFail(), booking.id)
    session.flash('notice', i18n.t('bookings.flash.cancelled'))
    return response.redirect().toRoute('account.bookings.show', { id: booking.id })
  }

  /** The confirmation PDF: the advertiser's and the editors' only. */
  async confirmation({ bouncer, params, response, i18n }: HttpContext) {
    const booking = await loadBookingShape(await viewable(bouncer, params.id))
    const buyer = await BillingDetail.findBy('user_id', booking.userId)
    const pdf = await bookingConfirmationPdf(booking, buyer, i18n)
    response.header('content-type', 'application/pdf')
    response.header('content-disposition', `attachment; filename="booking-${booking.id}.pdf"`)
    return response.send(pdf)
  }
}

/** The booking if the user may see it; anyone else is told it does not exist. */
export async function viewable(bouncer: HttpContext['bouncer'], id: number) {
  const booking = await Booking.find(id)
  if (!booking || !(await bouncer.with(BookingPolicy).allows('view', booking))) {
    throw new lucidErrors.E_ROW_NOT_FOUND()
  }
  return booking
}

/** Whether the page offers "cancel": the rules of BookingService.cancel, for the reader. */
function canCancel(booking: Booking, isEditor: boolean) {
  const status = booking.statusAt()
  if (!['requested', 'approved', 'live'].includes(status)) return false
  return isEditor || mayAdvertiserCancel(booking)
}
