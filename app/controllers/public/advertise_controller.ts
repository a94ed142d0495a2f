import type { HttpContext } from '@adonisjs/core/http'
import Slot from '#models/slot'
import Topic from '#models/topic'
import { quoteFor, rateCard } from '#queries/rate_card'
import { formatCents } from '#services/booking/money'
import { VAT_PERCENT } from '#services/booking/pricing'
import type { IsoWeek } from '#services/booking/iso_week'
import {
  quoteValidator,
  rateCardValidator,
  validateBookingQuery,
} from '#validators/booking_validator'

/** The public rate card and quote: readable without an account, no cookies. */
export default class AdvertiseController {
  /** Every active slot (or one topic's) with its next 26 weeks, free shares and price. */
  async index(ctx: HttpContext) {
    const { input } = await validateBookingQuery(ctx, rateCardValidator)
    const topic = input?.topic ? await Topic.findByOrFail('slug', input.topic) : null
    return ctx.view.render('pages/advertise/index', {
      topic,
      slots: await rateCard(topic),
      money: (cents: number) => formatCents(cents, ctx.i18n.locale),
    })
  }

  /** The price of the weeks ticked on the rate card; "Jetzt buchen" leads to the booking form. */
  async quote(ctx: HttpContext) {
    const { input, errors } = await validateBookingQuery(ctx, quoteValidator)
    const slot = input ? await Slot.query().where('id', input.slot).preload('topic').first() : null
    const quote = slot && input ? await quoteFor(slot, input.weeks as IsoWeek[]) : null
    if (quote?.full.length) ctx.response.status(422)
    return ctx.view.render('pages/advertise/quote', {
      quote,
      errors: errors ?? {},
      vatPercent: VAT_PERCENT,
      money: (cents: number) => formatCents(cents, ctx.i18n.locale),
    })
  }
}
