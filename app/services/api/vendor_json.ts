import type Topic from '#models/topic'
import type Vendor from '#models/vendor'
import type { SearchHit } from '#services/search/search_service'
import { renderMarkdown } from '#services/markdown'

/**
 * The JSON API's shapes for vendors and topics, in one place, so that
 * /api/v1/vendors and /api/v1/topics describe them alike.
 */

export type TopicRefJson = { slug: string; name: string }

export type VendorListItemJson = {
  slug: string
  name: string
  postalCode: string
  city: string
  state: string | null
  website: string | null
  topics: string[]
  distanceKm?: number
}

export type VendorJson = {
  slug: string
  name: string
  street: string | null
  postalCode: string
  city: string
  state: string | null
  country: string
  phone: string | null
  email: string | null
  website: string | null
  description: string
  descriptionHtml: string
  logoUrl: string | null
  topics: TopicRefJson[]
  latitude: number | null
  longitude: number | null
  publishedAt: string | null
}

export function topicRefJson(topic: Pick<Topic, 'slug' | 'name'>): TopicRefJson {
  return { slug: topic.slug, name: topic.name }
}

/** Short form for lists and boxes: who and where. */
export function vendorSummaryJson(vendor: Pick<Vendor, 'slug' | 'name' | 'postalCode' | 'city'>) {
  return { slug: vendor.slug, name: vendor.name, postalCode: vendor.postalCode, city: vendor.city }
}

/** One row of GET /api/v1/vendors. `distanceKm` only for a radius search. */
export function vendorListItemJson(hit: SearchHit): VendorListItemJson {
  return {
    ...vendorSummaryJson(hit),
    state: hit.state,
    website: hit.website,
    topics: hit.topics.map((topic) => topic.slug),
    ...(hit.distanceKm === undefined ? {} : { distanceKm: hit.distanceKm }),
  }
}

/**
 * A whole public profile. Expects `topics` preloaded. The description is
 * returned both as Markdown and as sanitized HTML.
 */
export function vendorJson(vendor: Vendor): VendorJson {
  return {
    slug: vendor.slug,
    name: vendor.name,
    street: vendor.street,
    postalCode: vendor.postalCode,
    city: vendor.city,
    state: vendor.state,
    country: vendor.country,
    phone: vendor.phone,
    email: vendor.email,
    website: vendor.website,
    description: vendor.description,
    descriptionHtml: renderMarkdown(vendor.description),
    logoUrl: logoUrl(vendor.logoPath),
    topics: (vendor.topics ?? []).map(topicRefJson),
    latitude: vendor.latitude,
    longitude: vendor.longitude,
    publishedAt: vendor.publishedAt?.toISO() ?? null,
  }
}

/** Logos are drive keys on the uploads disk, served under /uploads (config/drive.ts). */
export function logoUrl(logoPath: string | null): string | null {
  if (!logoPath) return null
  return `/uploads/${logoPath.split('/').map(encodeURIComponent).join('/')}`
}
