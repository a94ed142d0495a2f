import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { errors as lucidErrors } from '@adonisjs/lucid'
import InvoicePolicy from '#policies/invoice_policy'
import {
  EDITORIAL_INVOICES_PER_PAGE,
  editorialInvoices,
  invoiceByNumber,
} from '#queries/invoice_listing'
import { validateQuery } from '#services/forms'
import { BOOKING_ZONE } from '#services/booking/iso_week'
import { invoiceCsv } from '#services/invoicing/invoice_csv'
import { moneyFormatter } from '#services/invoicing/invoice_document'
import { invoiceFile, sendInvoiceFile, type InvoiceFormat } from '#services/invoicing/invoice_files'
import { invoiceFilterValidator } from '#validators/invoice_validator'

/** Every invoice, by year and month, with the accountant's CSV. */
export default class InvoicesController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(InvoicePolicy).authorize('viewAll')
    const { input, errors } = await validateQuery(ctx, invoiceFilterValidator)
    const invoices = input
      ? await editorialInvoices(input).paginate(input.page ?? 1, EDITORIAL_INVOICES_PER_PAGE)
      : null
    return ctx.view.render('pages/editorial/invoices/index', {
      invoices,
      filter: input ?? ctx.request.qs(),
      errors: errors ?? {},
      years: yearsToChoose(),
      months: monthsToChoose(ctx.i18n.locale),
      money: moneyFormatter(ctx.i18n.locale),
    })
  }

  async export({ bouncer, request, response }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('viewAll')
    const filter = await invoiceFilterValidator.validate(request.qs())
    const invoices = await editorialInvoices(filter)
    const period = [filter.year, filter.month && String(filter.month).padStart(2, '0')]
      .filter(Boolean)
      .join('-')
    response.header('content-type', 'text/csv; charset=utf-8')
    response.attachment(`rechnungen${period ? `-${period}` : ''}.csv`)
    return response.stream(invoiceCsv(invoices))
  }

  async download({ bouncer, params, response }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('viewAll')
    const invoice = await invoiceByNumber(params.number)
    if (!invoice) throw new lucidErrors.E_ROW_NOT_FOUND()
    return sendInvoiceFile(response, await invoiceFile(invoice, params.format as InvoiceFormat))
  }
}

/** January to December, named in the page's language. */
function monthsToChoose(locale: string) {
  return Array.from({ length: 12 }, (_, index) => ({
    value: index + 1,
    label: DateTime.fromObject({ month: index + 1 })
      .setLocale(locale)
      .toFormat('LLLL'),
  }))
}

/** This year and the five before it. */
function yearsToChoose() {
  const current = DateTime.now().setZone(BOOKING_ZONE).year
  return Array.from({ length: 6 }, (_, index) => current - index)
}
