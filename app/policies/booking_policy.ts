import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type Booking from '#models/booking'

/**
 * Who may book and who may see a booking. Any member with a confirmed
 * address may book as an advertiser; a booking is its advertiser's and the
 * editors' business only (everyone else is told it does not exist).
 */
export default class BookingPolicy extends BasePolicy {
  create(user: User): AuthorizerResponse {
    if (user.isDisabled) return false
    if (!user.isConfirmed) {
      return AuthorizationResponse.deny('Please confirm your e-mail address first').t(
        'bookings.errors.unconfirmed'
      )
    }
    return true
  }

  /** The booking page, its confirmation PDF and cancelling it (by the rules of BookingService). */
  view(user: User, booking: Booking): AuthorizerResponse {
    return booking.userId === user.id || (user.isEditor && !user.isDisabled)
  }

  /** The API speaks for the caller's own bookings only. */
  own(user: User, booking: Booking): AuthorizerResponse {
    return booking.userId === user.id
  }
}
