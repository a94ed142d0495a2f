import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import InvoicePolicy from '#policies/invoice_policy'
import { accountInvoices, invoiceByNumber } from '#queries/invoice_listing'
import { moneyFormatter } from '#services/invoicing/invoice_document'
import { invoiceFile, sendInvoiceFile, type InvoiceFormat } from '#services/invoicing/invoice_files'

/** The advertiser's own invoices and credit notes, with their downloads. */
export default class InvoicesController {
  async index({ auth, bouncer, i18n, view }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('listOwn')
    const invoices = await accountInvoices(auth.getUserOrFail().id)
    return view.render('pages/account/invoices/index', {
      invoices,
      money: moneyFormatter(i18n.locale),
    })
  }

  /** PDF, XRechnung or ZUGFeRD; someone else's invoice is not found. */
  async download({ bouncer, params, response }: HttpContext) {
    const invoice = await invoiceByNumber(params.number)
    if (!invoice || (await bouncer.with(InvoicePolicy).denies('download', invoice))) {
      throw new lucidErrors.E_ROW_NOT_FOUND()
    }
    return sendInvoiceFile(response, await invoiceFile(invoice, params.format as InvoiceFormat))
  }
}
