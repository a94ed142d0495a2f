import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import BillingDetail from '#models/billing_detail'
import Booking from '#models/booking'
import Invoice from '#models/invoice'
import BookingService from '#services/booking/booking_service'
import { creativeImageUrl } from '#services/booking/creative_url'
import { formatCents } from '#services/booking/money'
import { VAT_PERCENT } from '#services/booking/pricing'
import { loadBookingShape } from '#queries/booking_listing'
import { bookingStatsSection } from '#queries/stats_charts'
import { decisionReasonValidator } from '#validators/editorial_validator'
import { bookingApproveValidator, bookingMessages } from '#validators/booking_validator'

/** The editors' review of a booking: preview the creative, approve, reject or cancel. */
@inject()
export default class BookingsController {
  constructor(private bookings: BookingService) {}

  async show({ params, view, i18n }: HttpContext) {
    const booking = await loadBookingShape(await Booking.findOrFail(params.id))
    await booking.load('user')
    const [billing, invoices] = await Promise.all([
      BillingDetail.findBy('user_id', booking.userId),
      Invoice.query().where('booking_id', booking.id).orderBy('id', 'asc'),
    ])
    return view.render('pages/editorial/bookings/show', {
      booking,
      status: booking.statusAt(),
      billing,
      invoices,
      imageUrl: creativeImageUrl(booking.imagePath),
      vatPercent: VAT_PERCENT,
      money: (cents: number) => formatCents(cents, i18n.locale),
      statistics: await bookingStatsSection(booking, i18n),
    })
  }

  async approve({ auth, params, request, response, session, i18n }: HttpContext) {
    const { impressionCap } = await request.validateUsing(
      bookingApproveValidator,
      bookingMessages(i18n)
    )
    await this.bookings.approve(auth.getUserOrFail(), params.id, { impressionCap })
    session.flash('notice', i18n.t('bookings.flash.approved'))
    return response.redirect().toRoute('editorial.queue')
  }

  async reject({ auth, params, request, response, session, i18n }: HttpContext) {
    const { reason } = await request.validateUsing(decisionReasonValidator)
    await this.bookings.reject(auth.getUserOrFail(), params.id, reason)
    session.flash('notice', i18n.t('bookings.flash.rejected'))
    return response.redirect().toRoute('editorial.queue')
  }

  async cancel({ auth, params, response, session, i18n }: HttpContext) {
    await this.bookings.cancel(auth.getUserOrFail(), params.id)
    session.flash('notice', i18n.t('bookings.flash.cancelled'))
    return response.redirect().toRoute('editorial.bookings.show', { id: params.id })
  }
}
