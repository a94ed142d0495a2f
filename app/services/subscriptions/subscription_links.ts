import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import type Subscription from '#models/subscription'
import { UNCONFIRMED_DAYS } from '#models/subscription'
import { appUrl } from '#services/mail/app_url'

/**
 * The personal links of a subscription, signed with the app key, each for
 * its own purpose and path: an altered id, path or query is refused. They
 * carry the subscriber's language. Only the confirmation link expires
 * (with the unconfirmed row); the manage and cancel links stay valid for
 * as long as the subscription exists.
 */
export const SUBSCRIPTION_PURPOSES = {
  confirm: 'subscription-confirm',
  manage: 'subscription-manage',
  unsubscribe: 'subscription-unsubscribe',
} as const

export function confirmUrl(subscription: Subscription): string {
  return signedUrlFor(
    'subscriptions.confirm',
    { id: subscription.id },
    {
      prefixUrl: appUrl(),
      expiresIn: `${UNCONFIRMED_DAYS}d`,
      purpose: SUBSCRIPTION_PURPOSES.confirm,
      qs: { lang: subscription.locale },
    }
  )
}

export function manageUrl(subscription: Subscription): string {
  return signedUrlFor(
    'subscriptions.manage',
    { id: subscription.id },
    {
      prefixUrl: appUrl(),
      purpose: SUBSCRIPTION_PURPOSES.manage,
      qs: { lang: subscription.locale },
    }
  )
}

/** The one-click link of `List-Unsubscribe` (RFC 8058): a POST to it cancels. */
export function unsubscribeUrl(subscription: Subscription): string {
  return signedUrlFor(
    'subscriptions.unsubscribe',
    { id: subscription.id },
    {
      prefixUrl: appUrl(),
      purpose: SUBSCRIPTION_PURPOSES.unsubscribe,
      qs: { lang: subscription.locale },
    }
  )
}
