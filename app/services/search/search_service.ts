import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Topic from '#models/topic'
import Vendor from '#models/vendor'
import PostalCode from '#models/postal_code'
import { searchTerms } from '#services/search/fold'
import { boundingBox, haversineKm } from '#services/geo/distance'
import { rankedMatches } from '#services/search/full_text'
import { DirectoryCache } from '#services/directory_cache'

export const DEFAULT_PER_PAGE = 20

/** Distinct searches whose results a process keeps until the directory changes. */
const CACHED_SEARCHES = 1_000

export type SearchInput = {
  q?: string
  /** A topic slug. */
  topic?: string
  /** 1–5 digits: a PLZ region; with `radius`, the 5-digit centre. */
  plz?: string
  /** Kilometres around `plz`. */
  radius?: number
  page?: number
  perPage?: number
}

export type SearchHit = {
  id: number
  slug: string
  name: string
  postalCode: string
  city: string
  state: string | null
  website: string | null
  /** In editorial order. The API shows only the slugs. */
  topics: { slug: string; name: string }[]
  /** Only for a radius search, rounded to 0.1 km. */
  distanceKm?: number
}

export type SearchResult = {
  data: SearchHit[]
  meta: { total: number; page: number; perPage: number }
}

type VendorQuery = ModelQueryBuilderContract<typeof Vendor>

const COLUMNS = [
  'vendors.id',
  'vendors.slug',
  'vendors.name',
  'vendors.postal_code',
  'vendors.city',
  'vendors.state',
  'vendors.website',
]

/** Whether the reader asked for anything; without criteria the page shows the form only. */
export function hasSearchCriteria(input: SearchInput): boolean {
  return Boolean(input.q?.trim() || input.topic || input.plz)
}

/**
 * Finds published vendors by words, topic, PLZ region or distance. The
 * HTML search page and GET /api/v1/vendors both use it.
 *
 * Words go through the database's own full-text index, fed with folded
 * text (see fold.ts): FTS5 on SQLite, a tsvector with a GIN index on
 * PostgreSQL. Each word is a prefix, and all must match; the best matches
 * come first. Words alone (the common case) are ranked and counted by the
 * index itself, and only the page's rows are read (full_text.ts).
 *
 * Results are kept in the directory cache, which every vendor or topic
 * change clears, so a repeated search costs no query.
 */
@inject()
export default class SearchService {
  constructor(private cache: DirectoryCache) {}

  async search(input: SearchInput): Promise<SearchResult> {
    const key = JSON.stringify([
      input.q ? searchTerms(input.q) : null,
      input.q?.trim() ? 1 : 0,
      input.topic ?? null,
      input.plz ?? null,
      input.radius ?? null,
      input.page ?? 1,
      input.perPage ?? DEFAULT_PER_PAGE,
    ])
    return this.cache.rememberWithin('search:results', key, CACHED_SEARCHES, () =>
      this.#find(input)
    )
  }

  async #find(input: SearchInput): Promise<SearchResult> {
    const page = input.page ?? 1
    const perPage = input.perPage ?? DEFAULT_PER_PAGE
    const empty: SearchResult = { data: [], meta: { total: 0, page, perPage } }

    const terms = input.q ? searchTerms(input.q) : []
    // Words made of punctuation only match nothing rather than everything.
    if (input.q?.trim() && terms.length === 0) return empty

    if (terms.length > 0 && !input.topic && !input.plz) {
      const ranked = await rankedMatches(terms, { offset: (page - 1) * perPage, limit: perPage })
      const rows = ranked.ids.length
        ? await Vendor.query().whereIn('vendors.id', ranked.ids).select(COLUMNS)
        : []
      const byId = new Map(rows.map((row) => [row.id, row]))
      const ordered = ranked.ids.map((id) => byId.get(id)).filter((row) => row !== undefined)
      return { data: await this.hits(ordered), meta: { total: ranked.total, page, perPage } }
    }

    const topicId = input.topic ? await this.topicId(input.topic) : null
    if (topicId === undefined) return empty

    const query = Vendor.query().withScopes((scopes) => {
      scopes.published()
      if (topicId !== null) scopes.inTopic(topicId)
      if (input.plz && !input.radius) scopes.postalCodePrefix(input.plz)
    })
    if (terms.length > 0) query.withScopes((scopes) => scopes.matchingWords(terms, true))

    if (input.plz && input.radius) {
      return this.withinRadius(query, input.plz, input.radius, page, perPage)
    }

    // Word matches: best first, ties by id as in the index-only path.
    // Lists without words: readers expect "brain-SCC" among the Bs, not after every capital.
    if (terms.length === 0) query.orderByRaw('lower(vendors.name) asc')
    const result = await query.select(COLUMNS).orderBy('vendors.id', 'asc').paginate(page, perPage)
    return {
      data: await this.hits(result.all()),
      meta: { total: result.total, page, perPage },
    }
  }

  /** The topic's id; `undefined` when no topic has that slug. */
  private async topicId(slug: string): Promise<number | undefined> {
    const topic = await Topic.query().where('slug', slug).select('id').first()
    return topic?.id
  }

  /**
   * A bounding box narrows the candidates in SQL (indexed coordinates);
   * the exact distance decides in JS. Pages are cut after that filter.
   */
  private async withinRadius(
    query: VendorQuery,
    plz: string,
    radiusKm: number,
    page: number,
    perPage: number
  ): Promise<SearchResult> {
    const centre = await PostalCode.find(plz)
    // The validator reports unknown codes; this only guards direct callers.
    if (!centre) return { data: [], meta: { total: 0, page, perPage } }

    const box = boundingBox(centre, radiusKm)
    const candidates = await query
      .clearOrder()
      .whereBetween('vendors.latitude', [box.minLat, box.maxLat])
      .whereBetween('vendors.longitude', [box.minLon, box.maxLon])
      .select('vendors.id', 'vendors.name', 'vendors.latitude', 'vendors.longitude')
      .pojo<{ id: number; name: string; latitude: number; longitude: number }>()

    const inside = candidates
      .map((row) => ({ id: row.id, name: row.name, km: haversineKm(centre, row) }))
      .filter((row) => row.km <= radiusKm)
      .sort((a, b) => a.km - b.km || a.name.localeCompare(b.name, 'de') || a.id - b.id)

    const pageRows = inside.slice((page - 1) * perPage, page * perPage)
    const vendors = pageRows.length
      ? await Vendor.query()
          .whereIn(
            'vendors.id',
            pageRows.map((row) => row.id)
          )
          .select(COLUMNS)
      : []
    const byId = new Map(vendors.map((vendor) => [vendor.id, vendor]))
    const ordered = pageRows.map((row) => byId.get(row.id)!).filter(Boolean)
    const hits = await this.hits(ordered)
    hits.forEach((hit, index) => (hit.distanceKm = Math.round(pageRows[index].km * 10) / 10))

    return { data: hits, meta: { total: inside.length, page, perPage } }
  }

  /** The page's vendors with their topics, loaded in one query. */
  private async hits(vendors: Vendor[]): Promise<SearchHit[]> {
    const ids = vendors.map((vendor) => vendor.id)
    const links = ids.length
      ? await db
          .from('vendor_topics')
          .join('topics', 'topics.id', 'vendor_topics.topic_id')
          .whereIn('vendor_topics.vendor_id', ids)
          .select('vendor_topics.vendor_id', 'topics.slug', 'topics.name')
          .orderBy('topics.position', 'asc')
          .orderBy('topics.name', 'asc')
      : []

    const topics = new Map<number, { slug: string; name: string }[]>()
    for (const link of links) {
      const list = topics.get(link.vendor_id) ?? []
      list.push({ slug: link.slug, name: link.name })
      topics.set(link.vendor_id, list)
    }

    return vendors.map((vendor) => ({
      id: vendor.id,
      slug: vendor.slug,
      name: vendor.name,
      postalCode: vendor.postalCode,
      city: vendor.city,
      state: vendor.state,
      website: vendor.website,
      topics: topics.get(vendor.id) ?? [],
    }))
  }
}
