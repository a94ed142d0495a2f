import type { DateTime } from 'luxon'
import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type User from '#models/user'
import type { SlotPosition } from '#models/slot'
import { BOOKING_ZONE, type IsoWeek } from '#services/booking/iso_week'
import { appUrl } from '#services/mail/app_url'

/** A request whose hold lapses soon, as the editors' mail lists it. */
export type ExpiringHold = {
  id: number
  /** null: run of site */
  topicName: string | null
  position: SlotPosition
  weeks: IsoWeek[]
  /** "Name <e-mail>" */
  advertiser: string
  holdExpiresAt: DateTime
}

/**
 * To one editor, in their language: these booking requests lapse within
 * 24 hours unless someone decides. Sent once per request (bookings:expire).
 */
export default class HoldExpiringNotification extends BaseMail {
  constructor(
    public editor: User,
    public holds: ExpiringHold[]
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.editor.locale)
    const subject = i18n.t('slots.mail.hold_expiring.subject', { count: this.holds.length })
    const items = this.holds.map((hold) =>
      i18n.t('slots.mail.hold_expiring.item', {
        id: hold.id,
        slot: `${hold.topicName ?? i18n.t('slots.run_of_site')}, ${i18n.t(`slots.positions.${hold.position}`)}`,
        weeks: hold.weeks.join(', '),
        advertiser: hold.advertiser,
        expires: hold.holdExpiresAt
          .setZone(BOOKING_ZONE)
          .setLocale(i18n.locale)
          .toLocaleString({ dateStyle: 'medium', timeStyle: 'short' }),
      })
    )
    const url = urlFor('editorial.queue', undefined, { prefixUrl: appUrl() })
    const data = { i18n, user: this.editor, subject, items, url }
    this.message
      .to(this.editor.email, this.editor.name)
      .subject(subject)
      .htmlView('emails/bookings/hold_expiring', data)
      .textView('emails/bookings/hold_expiring_text', data)
  }
}
