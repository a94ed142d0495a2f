import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Topic from '#models/topic'
import SubscriptionService from '#services/subscriptions/subscription_service'
import { checkFormToken } from '#services/subscriptions/form_token'
import { afterResponse } from '#services/after_response'
import { fieldErrorsOf } from '#services/forms'
import type { Locale } from '#services/locale'
import {
  subscriptionMessages,
  subscriptionStoreValidator,
} from '#validators/subscription_validator'

/**
 * The public subscription form. It needs no session: a signed form token
 * instead of a CSRF token, errors rendered in place (422) instead of
 * flashed. The answer never tells whether the address was known.
 */
@inject()
export default class SubscriptionsController {
  constructor(private subscriptions: SubscriptionService) {}

  async create({ request, view }: HttpContext) {
    const topic = request.qs().topic
    return view.render('pages/subscriptions/new', {
      topics: await Topic.query().withScopes((scopes) => scopes.ordered()),
      values: { topics: typeof topic === 'string' ? [topic] : [] },
      errors: {},
    })
  }

  async store(ctx: HttpContext) {
    const { request, response, i18n } = ctx
    const token = checkFormToken(request.input('token'))
    if (token !== 'valid') {
      return this.#refuse(ctx, { form: i18n.t(`subscriptions.errors.token_${token}`) })
    }
    let input
    try {
      input = await request.validateUsing(subscriptionStoreValidator, subscriptionMessages(i18n))
    } catch (error) {
      const errors = fieldErrorsOf(error)
      if (!errors) throw error
      return this.#refuse(ctx, errors)
    }
    const ip = request.ip()
    const locale = i18n.locale as Locale
    afterResponse(ctx, () => this.subscriptions.request(input, locale, ip))
    return response.redirect().toRoute('subscriptions.sent', {}, { qs: langOf(ctx) })
  }

  /** "Please check your mail": the same page for a known and an unknown address. */
  async sent({ view }: HttpContext) {
    return view.render('pages/subscriptions/sent')
  }

  /** The whole form again, with what was sent and a message per field. */
  async #refuse({ request, response, view }: HttpContext, errors: Record<string, string>) {
    response.status(422)
    const topics = request.input('topics')
    return view.render('pages/subscriptions/new', {
      topics: await Topic.query().withScopes((scopes) => scopes.ordered()),
      values: {
        email: request.input('email') ?? '',
        topics: Array.isArray(topics) ? topics : topics ? [topics] : [],
        kinds: request.input('kinds'),
        frequency: request.input('frequency'),
      },
      errors,
    })
  }
}

/** `?lang=` of the request, carried on to the next page. */
function langOf({ request }: HttpContext): Record<string, string> {
  const lang = request.qs().lang
  return typeof lang === 'string' ? { lang } : {}
}
