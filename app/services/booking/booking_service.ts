import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import billingConfig from '#config/billing'
import Booking, { type StoredBookingStatus } from '#models/booking'
import BookingWeek from '#models/booking_week'
import BillingDetail from '#models/billing_detail'
import Slot from '#models/slot'
import User from '#models/user'
import Vendor from '#models/vendor'
import VendorMember from '#models/vendor_member'
import type { AuditAction } from '#models/audit_log'
import AuditService from '#services/audit_service'
import { InvoiceService } from '#services/invoicing/invoice_service'
import { fullWeeks, weekUse } from '#services/booking/capacity'
import { germanWeekLabel, sortWeeks, weekStart, type IsoWeek } from '#services/booking/iso_week'
import { quote } from '#services/booking/pricing'
import {
  checkCreativeImage,
  removeCreativeImage,
  storeCreativeImage,
  type CreativeUpload,
} from '#services/booking/creative_image'
import DomainError, { type RefusalKey } from '#exceptions/domain_error'
import BookingNotification, { type BookingMailKind } from '#mails/booking_notification'
import BookingsChanged from '#events/bookings_changed'

/** The creative as validated: text (headline, body, url), image (alt, url; the file apart) or vendor (vendorSlug). */
export type CreativeInput = {
  kind: 'text' | 'image' | 'vendor'
  headline?: string
  body?: string
  url?: string
  alt?: string
  vendorSlug?: string
}

/** What an advertiser asks for: one share of a slot for some weeks, with its creative. */
export type BookingRequest = {
  slotId: number
  weeks: string[]
  creative: CreativeInput
  image?: CreativeUpload | null
}

/** The creative's columns, once checked against the slot and the advertiser. */
type CreativeColumns = Pick<
  Booking,
  'creativeKind' | 'headline' | 'body' | 'targetUrl' | 'imageAlt' | 'vendorId'
>

/** A refusal that names the full weeks: "2027-W02", German text adds "KW 2/2027". */
function weeksFull(key: RefusalKey, weeks: IsoWeek[]) {
  return new DomainError(key, {
    weeks: weeks.join(', '),
    weekLabels: weeks.map((week) => `${germanWeekLabel(week)} (${week})`).join(', '),
  })
}

/** What a decision changed, for the audit log, and what follows once it is committed. */
type Decided = {
  action: AuditAction
  after: Record<string, unknown>
  afterCommit?: () => Promise<unknown>
}

/**
 * The booking rules: requesting a share (the capacity guarantee), the
 * editors' decisions and cancelling. Every change runs in one transaction
 * with its audit entry; mails follow once it is committed.
 */
@inject()
export default class BookingService {
  constructor(
    private audit: AuditService,
    private invoices: InvoiceService
  ) {}

  /**
   * A new request: holds one share of the slot in every chosen week until
   * `now + holdHours`. The capacity check and the insert run in one
   * transaction; on PostgreSQL the slot's row is locked first, so requests
   * for one slot queue behind each other (SQLite has one writer anyway).
   * A booking that would overfill any of its weeks is refused whole.
   */
  async request(user: User, input: BookingRequest, now: DateTime = DateTime.now()) {
    const billing = await BillingDetail.findBy('user_id', user.id)
    if (!billing) throw new DomainError('bookings.errors.billing_missing')

    const weeks = sortWeeks(input.weeks as IsoWeek[])
    const slot = await Slot.find(input.slotId)
    if (!slot || !slot.active) throw new DomainError('bookings.errors.slot_unavailable')
    const creative = await this.#creative(user, slot, input.creative)
    const image =
      input.creative.kind === 'image'
        ? await checkCreativeImage(input.image ?? null, slot.imageSize!)
        : null
    const imagePath = image ? await storeCreativeImage(image) : null

    let booking: Booking
    try {
      booking = await db.transaction(async (trx) => {
        const locked = await Slot.lockedById(slot.id, trx).firstOrFail()
        if (!locked.active) throw new DomainError('bookings.errors.slot_unavailable')

        const bySlot = await weekUse([locked.id], weeks, trx, now)
        const use = bySlot.get(locked.id) ?? new Map()
        const full = fullWeeks(locked.capacity, use, weeks)
        if (full.length > 0) throw weeksFull('bookings.errors.weeks_full', full)
        if (creative.vendorId !== null) {
          const taken = await vendorWeeksTaken(locked.id, creative.vendorId, weeks, trx, now)
          if (taken.length > 0) throw weeksFull('bookings.errors.vendor_share_taken', taken)
        }

        const created = await Booking.create(
          {
            slotId: locked.id,
            userId: user.id,
            status: 'requested',
            ...creative,
            imagePath,
            priceCents: locked.priceCents,
            ...quote(locked.priceCents, weeks.length),
            // Whole seconds, as the database keeps it: the answer matches every later read.
            holdExpiresAt: now.plus({ hours: billingConfig.holdHours }).startOf('second'),
            impressionCap: null,
          },
          { client: trx }
        )
        await BookingWeek.createMany(
          weeks.map((week) => ({ bookingId: created.id, slotId: locked.id, week })),
          { client: trx }
        )
        await this.audit.record(
          user,
          {
            action: 'booking.requested',
            subjectType: 'booking',
            subjectId: created.id,
            vendorId: creative.vendorId,
            after: { status: 'requested', slotId: locked.id, weeks },
          },
          trx
        )
        return created
      })
    } catch (error) {
      // Nothing refers to the uploaded image: the booking was not written.
      await removeCreativeImage(imagePath)
      throw error
    }
    await booking.load('bookingWeeks')
    await this.#notifyReceived(user, booking)
    return booking
  }

  /**
   * An editor approves a request whose hold is still live. Its invoice is
   * issued in the same transaction, so the number is never lost or doubled.
   */
  async approve(
    editor: User,
    bookingId: number,
    options: { impressionCap?: number | null } = {},
    now: DateTime = DateTime.now()
  ) {
    return this.#decide(editor, bookingId, ['requested'], async (booking, trx) => {
      if (!booking.isHolding(now)) throw new DomainError('bookings.errors.hold_lapsed')
      booking.merge({
        status: 'approved',
        holdExpiresAt: null,
        impressionCap: options.impressionCap ?? null,
        decidedById: editor.id,
        decidedAt: now,
      })
      await booking.save()
      const invoice = await this.invoices.issueInvoice(booking, trx)
      return {
        action: 'booking.approved',
        after: {
          status: 'approved',
          impressionCap: booking.impressionCap,
          invoice: invoice.number,
        },
        afterCommit: () => this.#notifyAdvertiser(booking, 'approved'),
      }
    })
  }

  /** An editor rejects a request, with a reason for the advertiser. */
  async reject(editor: User, bookingId: number, reason: string, now: DateTime = DateTime.now()) {
    return this.#decide(editor, bookingId, ['requested'], async (booking) => {
      booking.merge({ status: 'rejected', reason, decidedById: editor.id, decidedAt: now })
      await booking.save()
      return {
        action: 'booking.rejected',
        after: { status: 'rejected', reason },
        afterCommit: () => this.#notifyAdvertiser(booking, 'rejected'),
      }
    })
  }

  /**
   * Cancelling frees the share. The advertiser may cancel a request at any
   * time and an approved booking up to `cancelDays` before its first week;
   * editors may cancel any open booking. Cancelling an approved booking
   * issues a credit note in the same transaction.
   */
  async cancel(actor: User, bookingId: number, now: DateTime = DateTime.now()) {
    return this.#decide(actor, bookingId, ['requested', 'approved'], async (booking, trx) => {
      const status = booking.statusAt(now)
      if (!['requested', 'approved', 'live'].includes(status)) {
        throw new DomainError('bookings.errors.not_cancellable')
      }
      if (!actor.isEditor && !mayAdvertiserCancel(booking, now)) {
        throw new DomainError('bookings.errors.cancel_too_late', { days: billingConfig.cancelDays })
      }
      const wasApproved = booking.status === 'approved'
      booking.merge({ status: 'cancelled', cancelledById: actor.id, cancelledAt: now })
      await booking.save()
      const creditNote = wasApproved ? await this.invoices.issueCreditNote(booking, trx) : null
      return {
        action: 'booking.cancelled',
        after: { status: 'cancelled', creditNote: creditNote?.number ?? null },
      }
    })
  }

  /**
   * One change of a booking: in one transaction, lock its row, refuse
   * unless its stored status is expected, apply and audit.
   */
  async #decide(
    actor: User,
    bookingId: number,
    from: StoredBookingStatus[],
    apply: (booking: Booking, trx: TransactionClientContract) => Promise<Decided>
  ): Promise<Booking> {
    const { booking, afterCommit } = await db.transaction(async (trx) => {
      const locked = await Booking.lockedById(bookingId, trx).preload('bookingWeeks').firstOrFail()
      const before = locked.status
      if (!from.includes(before)) {
        throw new DomainError(
          from.length === 1 ? 'bookings.errors.not_requested' : 'bookings.errors.not_cancellable'
        )
      }
      const decided = await apply(locked, trx)
      await this.audit.record(
        actor,
        {
          action: decided.action,
          subjectType: 'booking',
          subjectId: locked.id,
          vendorId: locked.vendorId,
          before: { status: before },
          after: decided.after,
        },
        trx
      )
      // Placements read live bookings from a per-process cache: cleared once this commits.
      await BookingsChanged.dispatch(trx)
      return { booking: locked, afterCommit: decided.afterCommit }
    })
    if (afterCommit) await afterCommit()
    return booking
  }

  /** The creative's columns; a vendor_box takes the advertiser's own published vendor of the slot's topic. */
  async #creative(user: User, slot: Slot, creative: CreativeInput): Promise<CreativeColumns> {
    const empty = { headline: null, body: null, targetUrl: null, imageAlt: null, vendorId: null }
    const wanted = slot.position === 'vendor_box' ? ['vendor'] : ['text', 'image']
    if (!wanted.includes(creative.kind)) throw new DomainError('bookings.errors.wrong_creative')
    if (creative.kind === 'image' && !slot.imageSize) {
      throw new DomainError('bookings.errors.wrong_creative')
    }

    switch (creative.kind) {
      case 'text':
        return {
          ...empty,
          creativeKind: 'text',
          headline: creative.headline ?? null,
          body: creative.body ?? null,
          targetUrl: creative.url ?? null,
        }
      case 'image':
        return {
          ...empty,
          creativeKind: 'image',
          imageAlt: creative.alt ?? null,
          targetUrl: creative.url ?? null,
        }
      case 'vendor': {
        const vendor = await Vendor.findBy('slug', creative.vendorSlug ?? '')
        const member = vendor
          ? await VendorMember.query()
              .where('vendor_id', vendor.id)
              .where('user_id', user.id)
              .first()
          : null
        if (!vendor || !member) throw new DomainError('bookings.errors.vendor_not_yours')
        if (vendor.status !== 'published') {
          throw new DomainError('bookings.errors.vendor_unpublished')
        }
        if (slot.topicId !== null) {
          const covers = await vendor.related('topics').query().where('topics.id', slot.topicId)
          if (covers.length === 0) throw new DomainError('bookings.errors.vendor_topic')
        }
        return { ...empty, creativeKind: 'vendor', vendorId: vendor.id }
      }
    }
  }

  async #notifyReceived(advertiser: User, booking: Booking) {
    await this.#send(advertiser, 'received', booking)
    const editors = await User.query()
      .whereIn('role', ['editor', 'admin'])
      .whereNull('disabled_at')
      .orderBy('id', 'asc')
    for (const editor of editors) await this.#send(editor, 'received_editor', booking)
  }

  async #notifyAdvertiser(booking: Booking, kind: BookingMailKind) {
    const advertiser = await User.findOrFail(booking.userId)
    await this.#send(advertiser, kind, booking)
  }

  /** Sent after the commit: a mail server that fails does not undo the booking; it is logged. */
  async #send(recipient: User, kind: BookingMailKind, booking: Booking) {
    try {
      await mail.send(new BookingNotification(recipient, kind, booking))
    } catch (error) {
      logger.error({ err: error, kind, bookingId: booking.id }, 'booking mail could not be sent')
    }
  }
}

/** An advertiser's own cancel: requests any time, approved bookings until `cancelDays` before the first week. */
export function mayAdvertiserCancel(booking: Booking, now: DateTime = DateTime.now()) {
  if (booking.status === 'requested') return true
  const first = booking.weeks[0]
  if (!first) return false
  const deadline = weekStart(first).minus({ days: billingConfig.cancelDays })
  return now.toMillis() <= deadline.toMillis()
}

/** The weeks in which the vendor already holds a share of this (vendor_box) slot. */
async function vendorWeeksTaken(
  slotId: number,
  vendorId: number,
  weeks: IsoWeek[],
  trx: TransactionClientContract,
  now: DateTime
): Promise<IsoWeek[]> {
  const rows = await Booking.query({ client: trx })
    .withScopes((scopes) => scopes.holdingCapacity(now))
    .join('booking_weeks', 'booking_weeks.booking_id', 'bookings.id')
    .where('booking_weeks.slot_id', slotId)
    .where('bookings.vendor_id', vendorId)
    .whereIn('booking_weeks.week', weeks)
    .distinct('booking_weeks.week')
    .pojo<{ week: IsoWeek }>()
  return sortWeeks(rows.map((row) => row.week))
}
