import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import Slot, { type SlotPosition } from '#models/slot'
import DomainError from '#exceptions/domain_error'
import AuditService from '#services/audit_service'
import { WEEKS_AHEAD, weekUse } from '#services/booking/capacity'
import { weekOf, weekRange, type IsoWeek } from '#services/booking/iso_week'
import BookingsChanged from '#events/bookings_changed'

export type SlotInput = {
  topicId?: number | null
  position: SlotPosition
  format?: string | null
  capacity: number
  /** Net price of one share and week. */
  price: number
  active?: boolean
}

/** The fields the audit log keeps of a slot. */
function auditFields(slot: Slot) {
  return {
    topicId: slot.topicId,
    position: slot.position,
    format: slot.format,
    capacity: slot.capacity,
    priceCents: slot.priceCents,
    active: slot.active,
  }
}

/**
 * The inventory: editors create slots, change them and switch them on and
 * off. A slot never shrinks below what approved bookings and live holds
 * already use in the current or a later week, and a slot in use keeps its
 * topic, position and format, so that no booking changes what it bought.
 */
@inject()
export default class SlotService {
  constructor(private audit: AuditService) {}

  async create(editor: User, input: SlotInput) {
    return db.transaction(async (trx) => {
      const slot = await Slot.create(this.#attributes(input), { client: trx })
      await this.#record(editor, 'slot.created', slot, null, trx)
      return slot
    })
  }

  async update(editor: User, slotId: number, input: SlotInput, now: DateTime = DateTime.now()) {
    return db.transaction(async (trx) => {
      const slot = await Slot.lockedById(slotId, trx).firstOrFail()
      const before = auditFields(slot)
      slot.merge(this.#attributes(input))
      if (!slot.$isDirty) return slot

      const use = await this.#usedWeeks(slot, trx, now)
      const overfull = use.filter((week) => week.shares > slot.capacity)
      if (overfull.length > 0) {
        throw new DomainError('slots.errors.capacity_below_use', {
          weeks: overfull.map((week) => `${week.week} (${week.shares})`).join(', '),
          needed: Math.max(...overfull.map((week) => week.shares)),
        })
      }
      const reshaped = ['topicId', 'position', 'format'].some((key) => key in slot.$dirty)
      if (reshaped && use.length > 0) {
        throw new DomainError('slots.errors.in_use', {
          weeks: use.map((week) => week.week).join(', '),
        })
      }

      await slot.save()
      await this.#record(editor, 'slot.updated', slot, before, trx)
      return slot
    })
  }

  /** Inactive slots are offered to no one; bookings they already have stay. */
  async setActive(editor: User, slotId: number, active: boolean) {
    return db.transaction(async (trx) => {
      const slot = await Slot.lockedById(slotId, trx).firstOrFail()
      if (slot.active === active) return slot
      const before = auditFields(slot)
      slot.active = active
      await slot.save()
      await this.#record(editor, active ? 'slot.activated' : 'slot.deactivated', slot, before, trx)
      return slot
    })
  }

  #attributes(input: SlotInput) {
    return {
      topicId: input.topicId ?? null,
      position: input.position,
      format: input.position === 'sidebar' ? (input.format ?? null) : null,
      capacity: input.capacity,
      priceCents: input.price,
      active: input.active ?? false,
    }
  }

  /** The current and later weeks in which the slot has approved or held shares. */
  async #usedWeeks(slot: Slot, trx: TransactionClientContract, now: DateTime) {
    const weeks = weekRange(weekOf(now), WEEKS_AHEAD + 1)
    const bySlot = await weekUse([slot.id], weeks, trx, now)
    const use = bySlot.get(slot.id) ?? new Map()
    return weeks
      .map((week: IsoWeek) => {
        const shares = (use.get(week)?.booked ?? 0) + (use.get(week)?.held ?? 0)
        return { week, shares }
      })
      .filter((week) => week.shares > 0)
  }

  async #record(
    editor: User,
    action: 'slot.created' | 'slot.updated' | 'slot.activated' | 'slot.deactivated',
    slot: Slot,
    before: Record<string, unknown> | null,
    trx: TransactionClientContract
  ) {
    await this.audit.record(
      editor,
      { action, subjectType: 'slot', subjectId: slot.id, before, after: auditFields(slot) },
      trx
    )
    // Placements read slots with their live bookings from a per-process cache.
    await BookingsChanged.dispatch(trx)
  }
}
