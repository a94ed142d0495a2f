import type { HttpContext } from '@adonisjs/core/http'
import BillingDetail from '#models/billing_detail'
import { isLocalPath } from '#services/accounts/intended_url'
import { BILLING_COUNTRIES, billingValidator } from '#validators/billing_validator'
import { bookingMessages } from '#validators/booking_validator'

/** The advertiser's billing details, asked once and kept on the account. */
export default class BillingController {
  /** `?next=` is where to go back to once they are saved (the booking form). */
  async edit({ auth, request, view }: HttpContext) {
    const billing = await BillingDetail.findBy('user_id', auth.getUserOrFail().id)
    const next = request.qs().next
    return view.render('pages/account/billing/edit', {
      billing,
      countries: BILLING_COUNTRIES,
      next: isLocalPath(next) ? next : null,
    })
  }

  async update({ auth, request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(billingValidator, bookingMessages(i18n))
    await BillingDetail.updateOrCreate(
      { userId: auth.getUserOrFail().id },
      { ...input, vatId: input.vatId ?? null, buyerReference: input.buyerReference ?? null }
    )
    session.flash('notice', i18n.t('bookings.billing.saved'))
    const next = request.input('next')
    if (isLocalPath(next)) return response.redirect(next)
    return response.redirect().toRoute('account.billing.edit')
  }
}
