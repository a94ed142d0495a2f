import type Vendor from '#models/vendor'
import { renderMarkdown } from '#services/markdown'
import { logoUrl } from '#services/vendors/logo_url'

/**
 * schema.org Organization with its PostalAddress, as a string that is safe
 * inside <script type="application/ld+json">: "<" can never close the tag.
 */
export function organizationJsonLd(vendor: Vendor, url: string): string {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    'name': vendor.name,
    'url': safeHttpUrl(vendor.website) ?? url,
    'address': {
      '@type': 'PostalAddress',
      'streetAddress': vendor.street ?? undefined,
      'postalCode': vendor.postalCode,
      'addressLocality': vendor.city,
      'addressRegion': vendor.state ?? undefined,
      'addressCountry': vendor.country,
    },
  }
  if (vendor.email) data.email = vendor.email
  if (vendor.phone) data.telephone = vendor.phone
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
}

/** A link target only if it is plain http(s); anything else is not linked. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** What the profile page shows beyond the model: safe HTML and structured data. */
export function vendorProfile(vendor: Vendor, url: string) {
  return {
    descriptionHtml: renderMarkdown(vendor.description),
    websiteUrl: safeHttpUrl(vendor.website),
    logoUrl: logoUrl(vendor.logoPath),
    jsonLd: organizationJsonLd(vendor, url),
  }
}
