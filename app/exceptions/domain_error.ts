import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * Every refusal of the domain, by its message key (resources/lang/*): the
 * HTTP status it answers with, the form field it belongs to, if any, and
 * the page that explains it where going back makes no sense (a link from
 * an e-mail has no page to go back to).
 */
type Refusal = { status: number; field?: string; page?: string }

const INVITATION_PAGE = 'pages/account/vendors/invitation_invalid'

export const REFUSALS = {
  'editorial.errors.not_pending': { status: 409 },
  'editorial.errors.wrong_status': { status: 409 },
  'editorial.errors.own_account': { status: 403 },
  'vendor_account.errors.not_editable': { status: 409 },
  'vendor_account.errors.not_submittable': { status: 409 },
  'vendor_account.members.errors.already_member': { status: 422, field: 'email' },
  'vendor_account.members.errors.invalid_invitation': { status: 404, page: INVITATION_PAGE },
  'vendor_account.members.errors.wrong_email': { status: 403, page: INVITATION_PAGE },
  'vendor_account.members.errors.last_owner': { status: 409 },
  'vendor_account.logo.errors.missing': { status: 422, field: 'logo' },
  'vendor_account.logo.errors.too_large': { status: 422, field: 'logo' },
  'vendor_account.logo.errors.dimensions': { status: 422, field: 'logo' },
  'vendor_account.logo.errors.svg': { status: 422, field: 'logo' },
  'vendor_account.logo.errors.wrong_type': { status: 422, field: 'logo' },
  'vendor_account.logo.errors.mismatch': { status: 422, field: 'logo' },
  'slots.errors.capacity_below_use': { status: 409, field: 'capacity' },
  'slots.errors.in_use': { status: 409 },
  'bookings.errors.weeks_full': { status: 409, field: 'weeks' },
  'bookings.errors.vendor_share_taken': { status: 409, field: 'weeks' },
  'bookings.errors.slot_unavailable': { status: 422, field: 'slotId' },
  'bookings.errors.wrong_creative': { status: 422, field: 'creative.kind' },
  'bookings.errors.vendor_not_yours': { status: 422, field: 'creative.vendorSlug' },
  'bookings.errors.vendor_unpublished': { status: 422, field: 'creative.vendorSlug' },
  'bookings.errors.vendor_topic': { status: 422, field: 'creative.vendorSlug' },
  'bookings.errors.image_missing': { status: 422, field: 'image' },
  'bookings.errors.image_type': { status: 422, field: 'image' },
  'bookings.errors.image_too_large': { status: 422, field: 'image' },
  'bookings.errors.image_size': { status: 422, field: 'image' },
  'bookings.errors.billing_missing': { status: 422, field: 'billing' },
  'bookings.errors.not_cancellable': { status: 409 },
  'bookings.errors.cancel_too_late': { status: 409 },
  'bookings.errors.not_requested': { status: 409 },
  'bookings.errors.hold_lapsed': { status: 409 },
  'placements.errors.unknown_topic': { status: 422, field: 'topic' },
  'news.errors.wrong_status': { status: 409 },
} as const satisfies Record<string, Refusal>

export type RefusalKey = keyof typeof REFUSALS

/** Form input that is never flashed back into a form. */
const NOT_FLASHED = ['_csrf', '_method', 'password', 'password_confirmation']

/**
 * What the rules do not allow: deciding twice, a status move that makes no
 * sense, an upload that is no image. Services throw it; controllers let it
 * pass. Pages get the message flashed (by its field, or as the page's
 * alert) and go back, or the refusal's own page with its status; the JSON API answers with its status and
 * `{ errors: [{ field, message }] }`. Both speak the request's language.
 */
export default class DomainError extends Exception {
  static code = 'E_DOMAIN'

  readonly field: string | null
  readonly page: string | null

  /**
   * The message is the key: logs name the refusal, responses translate it,
   * with `values` for its placeholders (the weeks that are full, say).
   */
  constructor(
    readonly key: RefusalKey,
    readonly values: Record<string, unknown> = {}
  ) {
    const refusal: Refusal = REFUSALS[key]
    super(key, { status: refusal.status, code: DomainError.code })
    this.field = refusal.field ?? null
    this.page = refusal.page ?? null
  }

  async handle(error: this, ctx: HttpContext) {
    const message = ctx.i18n.t(error.key, error.values)
    if (!('session' in ctx && ctx.session) || ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.status(error.status).send({ errors: [{ field: error.field, message }] })
    }
    if (error.page) {
      return ctx.response.status(error.status).send(await ctx.view.render(error.page, { message }))
    }
    if (error.field) {
      ctx.session.flashExcept(NOT_FLASHED)
      ctx.session.flash('inputErrorsBag', { [error.field]: [message] })
    } else {
      ctx.session.flash('alert', message)
    }
    return ctx.response.redirect().back()
  }
}
