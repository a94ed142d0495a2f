import { urlFor } from '@adonisjs/core/services/url_builder'
import SubscriptionMail from '#mails/subscription_mail'
import type Subscription from '#models/subscription'
import type NewsItem from '#models/news_item'
import type Vendor from '#models/vendor'
import { appUrl } from '#services/mail/app_url'
import { formatNewsDate } from '#services/news/news_date'

/** A digest: the new news items and vendors of the subscribed topics. */
export default class SubscriptionDigestMail extends SubscriptionMail {
  protected subjectKey = 'subscriptions.mail.digest.subject'
  protected view = 'digest'

  constructor(
    subscription: Subscription,
    public news: NewsItem[],
    public vendors: Vendor[]
  ) {
    super(subscription)
  }

  protected data() {
    const prefixUrl = appUrl()
    const locale = this.subscription.locale
    const lang = { lang: locale }
    return {
      news: this.news.map((item) => ({
        title: item.kicker ? `${item.kicker} ${item.title}` : item.title,
        teaser: item.teaser,
        date: formatNewsDate(item.publishedOn, locale),
        url: urlFor('news.show', { slug: item.slug }, { prefixUrl, qs: lang }),
      })),
      vendors: this.vendors.map((vendor) => ({
        name: vendor.name,
        place: `${vendor.postalCode} ${vendor.city}`,
        url: urlFor('vendors.show', { slug: vendor.slug }, { prefixUrl, qs: lang }),
      })),
    }
  }
}
