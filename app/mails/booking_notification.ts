import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type Booking from '#models/booking'
import type User from '#models/user'
import { appUrl } from '#services/mail/app_url'
import { formatCents } from '#services/booking/money'

export const BOOKING_MAIL_KINDS = ['received', 'received_editor', 'approved', 'rejected'] as const
export type BookingMailKind = (typeof BOOKING_MAIL_KINDS)[number]

/**
 * A booking was received (told to the advertiser and to the editors),
 * approved or rejected (with the editor's reason), in the recipient's
 * language. Expects the booking's weeks loaded.
 */
export default class BookingNotification extends BaseMail {
  constructor(
    public user: User,
    public kind: BookingMailKind,
    public booking: Booking
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.user.locale)
    const subject = i18n.t(`bookings.mail.${this.kind}.subject`, { id: this.booking.id })
    const prefixUrl = appUrl()
    const url =
      this.kind === 'received_editor'
        ? urlFor('editorial.bookings.show', { id: this.booking.id }, { prefixUrl })
        : urlFor('account.bookings.show', { id: this.booking.id }, { prefixUrl })
    const data = {
      i18n,
      user: this.user,
      kind: this.kind,
      subject,
      id: this.booking.id,
      weeks: this.booking.weeks.join(', '),
      gross: formatCents(this.booking.grossCents, this.user.locale),
      reason: this.kind === 'rejected' ? this.booking.reason : null,
      url,
    }
    this.message
      .to(this.user.email, this.user.name)
      .subject(subject)
      .htmlView('emails/booking/notification', data)
      .textView('emails/booking/notification_text', data)
  }
}
