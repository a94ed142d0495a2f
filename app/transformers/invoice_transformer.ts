import { BaseTransformer } from '@adonisjs/core/transformers'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type Invoice from '#models/invoice'

/** An invoice with the origin its download links start with (APP_URL or the request's). */
export type InvoiceWithOrigin = { invoice: Invoice; origin: string }

/**
 * `GET /api/v1/invoices[/:number]`. The links are the API's own show route
 * with `?format=`, so they work with the same bearer token.
 */
export default class InvoiceTransformer extends BaseTransformer<InvoiceWithOrigin> {
  toObject() {
    const { invoice, origin } = this.resource
    const link = (format: 'pdf' | 'xml') =>
      urlFor(
        'api.v1.invoices.show',
        { number: invoice.number },
        { prefixUrl: origin, qs: { format } }
      )
    return {
      ...this.pick(invoice, ['number', 'kind', 'bookingId']),
      issuedOn: invoice.issuedOn.toISODate()!,
      ...this.pick(invoice, ['netCents', 'vatCents', 'grossCents']),
      pdfUrl: link('pdf'),
      xmlUrl: link('xml'),
    }
  }
}
