import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SlotPolicy from '#policies/slot_policy'
import Slot, { SLOT_POSITIONS } from '#models/slot'
import Topic from '#models/topic'
import SlotService from '#services/booking/slot_service'
import { inventorySlots } from '#queries/occupancy_grid'
import { centsToEuroInput, slotMessages, slotValidator } from '#validators/slot_validator'

@inject()
export default class SlotsController {
  constructor(private slots: SlotService) {}

  /** Every slot, run of site first, then by the topics' editorial order. */
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(SlotPolicy).authorize('viewAny')
    return view.render('pages/editorial/slots/index', { slots: await inventorySlots() })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(SlotPolicy).authorize('create')
    return view.render('pages/editorial/slots/form', await formData(null))
  }

  async store({ auth, bouncer, request, response, session, i18n }: HttpContext) {
    await bouncer.with(SlotPolicy).authorize('create')
    const input = await request.validateUsing(slotValidator, {
      messagesProvider: slotMessages(i18n),
    })
    const slot = await this.slots.create(auth.user!, input)
    session.flash('notice', i18n.t('slots.notices.created', { id: slot.id }))
    return response.redirect().toRoute('editorial.slots.index')
  }

  async edit({ bouncer, params, view }: HttpContext) {
    const slot = await Slot.findOrFail(params.id)
    await bouncer.with(SlotPolicy).authorize('update', slot)
    return view.render('pages/editorial/slots/form', await formData(slot))
  }

  /** Capacity below what is booked or held, or a new shape for a slot in use, is refused. */
  async update({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    const slot = await Slot.findOrFail(params.id)
    await bouncer.with(SlotPolicy).authorize('update', slot)
    const input = await request.validateUsing(slotValidator, {
      messagesProvider: slotMessages(i18n),
    })
    await this.slots.update(auth.user!, slot.id, input)
    session.flash('notice', i18n.t('slots.notices.updated', { id: slot.id }))
    return response.redirect().toRoute('editorial.slots.index')
  }

  async activate(ctx: HttpContext) {
    return this.#setActive(ctx, true)
  }

  async deactivate(ctx: HttpContext) {
    return this.#setActive(ctx, false)
  }

  async #setActive({ auth, bouncer, params, response, session, i18n }: HttpContext, on: boolean) {
    const slot = await Slot.findOrFail(params.id)
    await bouncer.with(SlotPolicy).authorize('update', slot)
    await this.slots.setActive(auth.user!, slot.id, on)
    session.flash(
      'notice',
      i18n.t(on ? 'slots.notices.activated' : 'slots.notices.deactivated', { id: slot.id })
    )
    return response.redirect().toRoute('editorial.slots.index')
  }
}

/** What the slot form shows: the slot's values (the price in euros), topics and positions. */
async function formData(slot: Slot | null) {
  const topics = await Topic.query().withScopes((scopes) => scopes.ordered())
  const values = slot
    ? {
        topicId: slot.topicId === null ? '' : String(slot.topicId),
        position: slot.position,
        format: slot.format ?? '',
        capacity: String(slot.capacity),
        price: centsToEuroInput(slot.priceCents),
        active: slot.active,
      }
    : {
        topicId: '',
        position: 'sidebar',
        format: '300x250',
        capacity: '3',
        price: '',
        active: true,
      }
  return { slot, topics, positions: SLOT_POSITIONS, values }
}
