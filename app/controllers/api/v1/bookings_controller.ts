import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import Booking from '#models/booking'
import BookingPolicy from '#policies/booking_policy'
import BookingService from '#services/booking/booking_service'
import { creativeUploadOf } from '#services/booking/creative_image'
import { loadBookingShape, ownBookings } from '#queries/booking_listing'
import BookingTransformer from '#transformers/booking_transformer'
import { bookingMessages, bookingStoreValidator } from '#validators/booking_validator'

/** The caller's own bookings over the API; others' bookings do not exist here (404). */
@inject()
export default class BookingsController {
  constructor(private bookings: BookingService) {}

  async index({ auth, serialize }: HttpContext) {
    const bookings = await ownBookings(auth.getUserOrFail().id)
    return serialize(BookingTransformer.transform(bookings))
  }

  async store({ auth, bouncer, request, response, serialize, i18n }: HttpContext) {
    await bouncer.with(BookingPolicy).authorize('create')
    const input = await request.validateUsing(bookingStoreValidator, bookingMessages(i18n))
    const image = await creativeUploadOf(input.image)
    const booking = await this.bookings.request(auth.getUserOrFail(), { ...input, image })
    return response
      .status(201)
      .send(await serialize(BookingTransformer.transform(await loadBookingShape(booking))))
  }

  async show({ bouncer, params, serialize }: HttpContext) {
    const booking = await ownBooking(bouncer, params.id)
    return serialize(BookingTransformer.transform(await loadBookingShape(booking)))
  }

  /** Cancels by the rules: requests any time, approved bookings until the deadline. */
  async destroy({ auth, bouncer, params, serialize }: HttpContext) {
    const booking = await ownBooking(bouncer, params.id)
    const cancelled = await this.bookings.cancel(auth.getUserOrFail(), booking.id)
    return serialize(BookingTransformer.transform(await loadBookingShape(cancelled)))
  }
}

/** The caller's own booking; any other id answers 404, as for a missing one. */
export async function ownBooking(bouncer: HttpContext['bouncer'], id: number) {
  const booking = await Booking.find(id)
  if (!booking || !(await bouncer.with(BookingPolicy).allows('own', booking))) {
    throw new lucidErrors.E_ROW_NOT_FOUND()
  }
  return booking
}
