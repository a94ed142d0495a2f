import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import BookingService from '#services/booking/booking_service'
import { loadBookingShape } from '#queries/booking_listing'
import BookingTransformer from '#transformers/booking_transformer'
import { decisionReasonValidator } from '#validators/editorial_validator'
import { bookingApproveValidator, bookingMessages } from '#validators/booking_validator'

/** Editors decide on booking requests over the API (the `editorial` middleware admits them). */
@inject()
export default class BookingsController {
  constructor(private bookings: BookingService) {}

  async approve({ auth, params, request, serialize, i18n }: HttpContext) {
    const { impressionCap } = await request.validateUsing(
      bookingApproveValidator,
      bookingMessages(i18n)
    )
    const booking = await this.bookings.approve(auth.getUserOrFail(), params.id, { impressionCap })
    return serialize(BookingTransformer.transform(await loadBookingShape(booking)))
  }

  async reject({ auth, params, request, serialize }: HttpContext) {
    const { reason } = await request.validateUsing(decisionReasonValidator)
    const booking = await this.bookings.reject(auth.getUserOrFail(), params.id, reason)
    return serialize(BookingTransformer.transform(await loadBookingShape(booking)))
  }
}
