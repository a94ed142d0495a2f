import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import InvoicePolicy from '#policies/invoice_policy'
import { accountInvoices, invoiceByNumber } from '#queries/invoice_listing'
import { appUrl } from '#services/mail/app_url'
import { invoiceFile, sendInvoiceFile } from '#services/invoicing/invoice_files'
import InvoiceTransformer from '#transformers/invoice_transformer'
import { invoiceShowValidator } from '#validators/invoice_validator'

// What `Accept` asks for. JSON comes first, so any type and no header get JSON.
const ANSWERS = {
  'application/json': 'json',
  'application/pdf': 'pdf',
  'application/xml': 'xml',
  'text/xml': 'xml',
} as const

/** The caller's invoices: JSON, or one of them as PDF or XRechnung XML. */
export default class InvoicesController {
  async index({ auth, bouncer, request, serialize }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('listOwn')
    const invoices = await accountInvoices(auth.getUserOrFail().id)
    const origin = appUrl(request)
    return serialize(InvoiceTransformer.transform(invoices.map((invoice) => ({ invoice, origin }))))
  }

  /** `?format=pdf|xml`, else `Accept: application/pdf` or `application/xml`, else JSON. */
  async show({ bouncer, params, request, response, serialize }: HttpContext) {
    const { format } = await request.validateUsing(invoiceShowValidator, { data: request.qs() })
    const invoice = await invoiceByNumber(params.number)
    if (!invoice || (await bouncer.with(InvoicePolicy).denies('download', invoice))) {
      throw new lucidErrors.E_ROW_NOT_FOUND()
    }
    const accepted = request.accepts(Object.keys(ANSWERS) as (keyof typeof ANSWERS)[])
    const wanted = format ?? (accepted ? ANSWERS[accepted] : 'json')
    if (wanted === 'pdf') return sendInvoiceFile(response, await invoiceFile(invoice, 'pdf'))
    if (wanted === 'xml') return sendInvoiceFile(response, await invoiceFile(invoice, 'xrechnung'))
    return serialize(InvoiceTransformer.transform({ invoice, origin: appUrl(request) }))
  }
}
