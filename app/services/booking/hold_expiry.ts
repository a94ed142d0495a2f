import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import Booking from '#models/booking'
import User from '#models/user'
import HoldExpiringNotification, { type ExpiringHold } from '#mails/hold_expiring_notification'

/** Editors are told this many hours before a hold lapses. */
export const WARN_HOURS = 24

export type HoldExpiryResult = { expired: number; warned: number[]; mailed: number }

/**
 * What `bookings:expire` does, at a given moment (tests pass `now`):
 * requests whose hold has lapsed become `expired`, and the editors are
 * told once, 24 hours ahead, about holds that are about to lapse.
 *
 * Capacity does not wait for this: the capacity rule ignores lapsed holds
 * on its own. Each step is a conditional update, so two runs at once (the
 * in-process timer and a cron line) neither expire twice nor warn twice.
 */
export default class HoldExpiry {
  async run(now: DateTime = DateTime.now()): Promise<HoldExpiryResult> {
    now = now.toLocal()
    const expired = await this.expire(now)
    const { warned, mailed } = await this.warn(now)
    return { expired, warned, mailed }
  }

  /** Marks lapsed requests `expired`; returns how many. */
  async expire(now: DateTime): Promise<number> {
    // Compared as Lucid writes DateTime.now(): in the process's zone.
    const stamp = now.toLocal().toFormat(db.connection().dialect.dateTimeFormat)
    const affected = await Booking.query()
      .where('status', 'requested')
      .where((lapsed) =>
        lapsed.whereNull('hold_expires_at').orWhere('hold_expires_at', '<=', stamp)
      )
      .update({ status: 'expired', updated_at: stamp })
    return affectedRows(affected)
  }

  /**
   * Claims the holds that lapse within 24 hours and were not announced yet
   * (`hold_warned_at`), then mails every editor one list of them.
   */
  async warn(now: DateTime): Promise<{ warned: number[]; mailed: number }> {
    now = now.toLocal()
    const format = db.connection().dialect.dateTimeFormat
    const stamp = now.toFormat(format)
    const due = await Booking.query()
      .where('status', 'requested')
      .whereNull('hold_warned_at')
      .where('hold_expires_at', '>', stamp)
      .where('hold_expires_at', '<=', now.plus({ hours: WARN_HOURS }).toFormat(format))
      .preload('slot', (slot) => slot.preload('topic'))
      .preload('user')
      .preload('bookingWeeks')
      .orderBy('hold_expires_at')
      .orderBy('id')

    const claimed: Booking[] = []
    for (const booking of due) {
      const affected = await Booking.query()
        .where('id', booking.id)
        .whereNull('hold_warned_at')
        .update({ hold_warned_at: stamp })
      if (affectedRows(affected) === 1) claimed.push(booking)
    }
    if (claimed.length === 0) return { warned: [], mailed: 0 }

    const holds = claimed.map(expiringHold)
    const editors = await User.query().whereIn('role', ['editor', 'admin']).whereNull('disabled_at')
    let mailed = 0
    for (const editor of editors) {
      try {
        await mail.send(new HoldExpiringNotification(editor, holds))
        mailed += 1
      } catch (error) {
        logger.error({ err: error, editorId: editor.id }, 'hold expiry mail could not be sent')
      }
    }
    return { warned: claimed.map((booking) => booking.id), mailed }
  }
}

function expiringHold(booking: Booking): ExpiringHold {
  return {
    id: booking.id,
    topicName: booking.slot.topicId === null ? null : booking.slot.topic.name,
    position: booking.slot.position,
    weeks: booking.weeks,
    advertiser: `${booking.user.name} <${booking.user.email}>`,
    holdExpiresAt: booking.holdExpiresAt!,
  }
}

/** knex answers an update with the number of rows (an array on some drivers). */
function affectedRows(result: unknown): number {
  return Number(Array.isArray(result) ? result[0] : result) || 0
}
