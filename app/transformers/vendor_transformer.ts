import { BaseTransformer } from '@adonisjs/core/transformers'
import type Vendor from '#models/vendor'
import { VENDOR_PROFILE_FIELDS } from '#models/vendor'
import { renderMarkdown } from '#services/markdown'
import { logoUrl } from '#services/vendors/logo_url'
import TopicTransformer from '#transformers/topic_transformer'

/**
 * A whole public profile, `GET /api/v1/vendors/:slug`. Expects `topics`
 * preloaded. The description comes both as Markdown and as sanitized HTML.
 */
export default class VendorTransformer extends BaseTransformer<Vendor> {
  toObject() {
    const vendor = this.resource
    return {
      ...this.pick(vendor, ['slug', ...VENDOR_PROFILE_FIELDS]),
      descriptionHtml: renderMarkdown(vendor.description),
      logoUrl: logoUrl(vendor.logoPath),
      topics: TopicTransformer.transform(vendor.topics),
      latitude: vendor.latitude,
      longitude: vendor.longitude,
      publishedAt: vendor.publishedAt?.toISO() ?? null,
    }
  }
}
