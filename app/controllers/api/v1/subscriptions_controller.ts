import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SubscriptionService from '#services/subscriptions/subscription_service'
import { afterResponse } from '#services/after_response'
import type { Locale } from '#services/locale'
import {
  subscriptionMessages,
  subscriptionStoreValidator,
} from '#validators/subscription_validator'

@inject()
export default class SubscriptionsController {
  constructor(private subscriptions: SubscriptionService) {}

  /**
   * POST /api/v1/subscriptions: 202 whether or not the address was known
   * (nothing can be enumerated); the confirmation mail goes out after the
   * answer, within the mail limits. 422 with a message per field.
   */
  async store(ctx: HttpContext) {
    const { request, response, i18n } = ctx
    const input = await request.validateUsing(
      subscriptionStoreValidator,
      subscriptionMessages(i18n)
    )
    const ip = request.ip()
    const locale = i18n.locale as Locale
    afterResponse(ctx, () => this.subscriptions.request(input, locale, ip))
    return response.status(202).send({ data: { status: 'pending_confirmation' } })
  }
}
