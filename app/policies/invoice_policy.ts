import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type Invoice from '#models/invoice'

/**
 * Advertisers get their own invoices (account pages and API); editors see
 * and export all of them in the editorial area. Whoever may not download
 * an invoice learns nothing about it: the controllers answer 404.
 */
export default class InvoicePolicy extends BasePolicy {
  /** The own invoices: every account has the list (empty until something is invoiced). */
  listOwn(user: User): AuthorizerResponse {
    return !user.isDisabled
  }

  download(user: User, invoice: Invoice): AuthorizerResponse {
    return invoice.userId === user.id && !user.isDisabled
  }

  /** Every invoice, the CSV export included. */
  viewAll(user: User): AuthorizerResponse {
    return user.isEditor && !user.isDisabled
  }
}
