import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { stringify } from 'csv-stringify/sync'
import SlotPolicy from '#policies/slot_policy'
import { DEFAULT_GRID_WEEKS, occupancyCsvRows, occupancyGrid } from '#queries/occupancy_grid'
import { fieldErrorsOf } from '#services/forms'
import { addWeeks, weekOf, type IsoWeek } from '#services/booking/iso_week'
import { occupancyValidator, slotMessages } from '#validators/slot_validator'

type GridQuery = { from: IsoWeek; weeks: number; errors: Record<string, string> | null }

/**
 * The grid's weeks from the query (`?from=2027-W02&weeks=12`), from the
 * current week by default. Invalid input answers 422 with a message per
 * field, and the grid falls back to the defaults.
 */
async function gridQuery({ request, response, i18n }: HttpContext): Promise<GridQuery> {
  const defaults = { from: weekOf(DateTime.now()), weeks: DEFAULT_GRID_WEEKS }
  try {
    const input = await request.validateUsing(occupancyValidator, {
      data: request.qs(),
      messagesProvider: slotMessages(i18n),
    })
    return { from: input.from ?? defaults.from, weeks: input.weeks ?? defaults.weeks, errors: null }
  } catch (error) {
    const errors = fieldErrorsOf(error)
    if (!errors) throw error
    response.status(422)
    return { ...defaults, errors }
  }
}

export default class OccupancyController {
  /** Topics and slots against weeks: booked, held and free shares, and net revenue. */
  async show(ctx: HttpContext) {
    await ctx.bouncer.with(SlotPolicy).authorize('viewAny')
    const { from, weeks, errors } = await gridQuery(ctx)
    const grid = await occupancyGrid(from, weeks)
    return ctx.view.render('pages/editorial/slots/occupancy', {
      grid,
      errors: errors ?? {},
      filter: errors ? ctx.request.qs() : { from, weeks },
      query: { from, weeks },
      previous: addWeeks(from, -weeks),
      next: addWeeks(from, weeks),
    })
  }

  /** The same grid as CSV: one row per slot and week, then the sums per topic and overall. */
  async export(ctx: HttpContext) {
    await ctx.bouncer.with(SlotPolicy).authorize('viewAny')
    const { from, weeks, errors } = await gridQuery(ctx)
    if (errors) return Object.values(errors).join('\n')
    ctx.response.header('content-type', 'text/csv; charset=utf-8')
    ctx.response.header(
      'content-disposition',
      `attachment; filename="belegung-${from}-${weeks}w.csv"`
    )
    return stringify(occupancyCsvRows(await occupancyGrid(from, weeks)))
  }
}
