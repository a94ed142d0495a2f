import type { HttpContext } from '@adonisjs/core/http'
import { defaultVendorRange, vendorStats } from '#queries/delivery_stats'
import { longDay, vendorCharts } from '#queries/stats_charts'
import { findAccountVendor } from '#services/accounts/account_vendor'
import { fieldErrorsOf } from '#services/forms'
import { statsMessages, vendorStatsValidator } from '#validators/stats_validator'

/**
 * The range from the query (`?from=2027-01-01&to=2027-01-31`), the last 30
 * days by default; a missing end is filled from the default. Invalid input
 * answers 422 with a message per field, and the page shows the default range.
 */
async function statsRange({ request, response, i18n }: HttpContext) {
  const defaults = defaultVendorRange()
  try {
    const input = await request.validateUsing(vendorStatsValidator, {
      data: request.qs(),
      messagesProvider: statsMessages(i18n),
    })
    const from = input.from ?? (input.to && input.to < defaults.from ? input.to : defaults.from)
    const to = input.to ?? (input.from && input.from > defaults.to ? input.from : defaults.to)
    return { range: { from, to }, errors: null }
  } catch (error) {
    const errors = fieldErrorsOf(error)
    if (!errors) throw error
    response.status(422)
    return { range: defaults, errors }
  }
}

/** A vendor's statistics: box appearances (paid, unpaid), profile views, website clicks. */
export default class VendorStatsController {
  async show(ctx: HttpContext) {
    // Members and editors only (VendorPolicy `view`); anyone else gets 404.
    const vendor = await findAccountVendor(ctx.bouncer, ctx.params.id)
    const { range, errors } = await statsRange(ctx)
    const stats = await vendorStats(vendor.id, range.from, range.to)
    return ctx.view.render('pages/account/vendors/stats', {
      vendor,
      stats,
      charts: vendorCharts(stats, ctx.i18n),
      errors: errors ?? {},
      filter: errors ? ctx.request.qs() : range,
      longDay,
    })
  }
}
