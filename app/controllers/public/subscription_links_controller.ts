import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Subscription from '#models/subscription'
import Topic from '#models/topic'
import SubscriptionPolicy from '#policies/subscription_policy'
import SubscriptionService from '#services/subscriptions/subscription_service'
import {
  SUBSCRIPTION_PURPOSES,
  manageUrl,
  unsubscribeUrl,
} from '#services/subscriptions/subscription_links'
import { fieldErrorsOf } from '#services/forms'
import {
  subscriptionMessages,
  subscriptionUpdateValidator,
} from '#validators/subscription_validator'

type Purpose = keyof typeof SUBSCRIPTION_PURPOSES

/**
 * The pages behind a subscriber's signed links: confirm, manage, cancel.
 * The signature is the only authorization (no session; SubscriptionPolicy):
 * an altered link is refused with 403, a link of a cancelled subscription finds nothing
 * (404). GET pages change nothing; their button POSTs to the same URL.
 */
@inject()
export default class SubscriptionLinksController {
  constructor(private subscriptions: SubscriptionService) {}

  async confirmation(ctx: HttpContext) {
    const subscription = await this.#fromLink(ctx, 'confirm')
    if (!subscription) return
    return ctx.view.render('pages/subscriptions/confirm', {
      subscription,
      action: ctx.request.url(true),
    })
  }

  async confirm(ctx: HttpContext) {
    const subscription = await this.#fromLink(ctx, 'confirm')
    if (!subscription) return
    await this.subscriptions.confirm(subscription)
    return this.#managePage(ctx, subscription, { notice: 'confirmed' })
  }

  async edit(ctx: HttpContext) {
    const subscription = await this.#fromLink(ctx, 'manage')
    if (!subscription) return
    return this.#managePage(ctx, subscription)
  }

  async update(ctx: HttpContext) {
    const subscription = await this.#fromLink(ctx, 'manage')
    if (!subscription) return
    const { request, response, i18n } = ctx
    try {
      const choice = await request.validateUsing(
        subscriptionUpdateValidator,
        subscriptionMessages(i18n)
      )
      await this.subscriptions.update(subscription, choice)
    } catch (error) {
      const errors = fieldErrorsOf(error)
      if (!errors) throw error
      response.status(422)
      return this.#managePage(ctx, subscription, { errors })
    }
    await subscription.refresh()
    return this.#managePage(ctx, subscription, { notice: 'saved' })
  }

  async cancellation(ctx: HttpContext) {
    const subscription = await this.#fromLink(ctx, 'unsubscribe')
    if (!subscription) return
    return ctx.view.render('pages/subscriptions/unsubscribe', {
      subscription,
      action: ctx.request.url(true),
    })
  }

  /** The button, and RFC 8058's one-click POST (`List-Unsubscribe=One-Click`). */
  async cancel(ctx: HttpContext) {
    const subscription = await this.#fromLink(ctx, 'unsubscribe')
    if (!subscription) return
    await this.subscriptions.cancel(subscription)
    return ctx.view.render('pages/subscriptions/cancelled')
  }

  /** The subscription of a signed link, or null once the refusal has been rendered. */
  async #fromLink({ request, params, response, view, bouncer }: HttpContext, purpose: Purpose) {
    // One person's page, reached by a secret link: not stored, not indexed, not passed on.
    response.header('Cache-Control', 'no-store')
    response.header('Referrer-Policy', 'same-origin')
    response.header('X-Robots-Tag', 'noindex')
    const link = { signedFor: request.hasValidSignature(SUBSCRIPTION_PURPOSES[purpose]) }
    if (await bouncer.with(SubscriptionPolicy).denies('useLink', link)) {
      response.status(403).send(await view.render('pages/subscriptions/invalid'))
      return null
    }
    const subscription = await Subscription.find(params.id)
    if (!subscription) {
      response.status(404).send(await view.render('pages/subscriptions/gone'))
      return null
    }
    return subscription
  }

  async #managePage(
    { request, view }: HttpContext,
    subscription: Subscription,
    extra: { notice?: 'confirmed' | 'saved'; errors?: Record<string, string> } = {}
  ) {
    await subscription.load('topics')
    const topics = await Topic.query().withScopes((scopes) => scopes.ordered())
    return view.render('pages/subscriptions/manage', {
      subscription,
      topics,
      values: extra.errors
        ? {
            topics: [request.input('topics') ?? []].flat(),
            kinds: [request.input('kinds') ?? []].flat(),
            frequency: request.input('frequency'),
          }
        : {
            topics: subscription.topics.map((topic) => topic.slug),
            kinds: subscription.kindList,
            frequency: subscription.frequency,
          },
      errors: extra.errors ?? {},
      notice: extra.notice ?? null,
      action: relative(manageUrl(subscription)),
      cancelAction: relative(unsubscribeUrl(subscription)),
    })
  }
}

/** A signed absolute link as a path with its query: forms post to this site only (CSP). */
function relative(url: string): string {
  const parsed = new URL(url)
  return `${parsed.pathname}${parsed.search}`
}
