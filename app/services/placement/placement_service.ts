import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type Topic from '#models/topic'
import Booking from '#models/booking'
import DomainError from '#exceptions/domain_error'
import DirectoryService, { type VendorBoxRow } from '#services/directory_service'
import { DirectoryCache } from '#services/directory_cache'
import { RotationCursorStore } from '#services/placement/rotation'
import { ImpressionCounter, type PlacementEntry } from '#services/delivery/impression_counter'
import { isCountedView, type ViewRequest } from '#services/delivery/view_classification'
import { absoluteClickUrl } from '#services/delivery/click_token'
import {
  ALL_PARTS,
  decidePlacement,
  EMPTY_STATE,
  VENDOR_BOX_SIZE,
  type Decision,
  type PaidCandidate,
  type PlacementCandidates,
  type PlacementParts,
  type RotationState,
  unpaidRotation,
  windowTurn,
} from '#services/placement/decision'
import { weekOf, weekStart, type IsoWeek } from '#services/booking/iso_week'
import { creativeImageUrl } from '#services/booking/creative_url'
import { absoluteUrl } from '#services/mail/app_url'

export { VENDOR_BOX_SIZE, type PlacementParts }

/** The label every ad and paid place carries, in the API as on the page. */
export const AD_LABEL = 'Anzeige' as const

export type PlacedVendor = {
  id: number
  slug: string
  name: string
  postalCode: string
  city: string
  paid: boolean
  /** The paid place's booking (for counting); null for unpaid places. */
  bookingId: number | null
  /** Where a paid place links to (see `linkFor`); unpaid places link to the profile as usual. */
  clickUrl: string | null
  /** The place's link as an absolute URL, for other sites (API, embeds): `clickUrl` or the profile. */
  url: string
}

export type PlacedAd = {
  bookingId: number
  kind: 'text' | 'image'
  headline: string | null
  body: string | null
  imageUrl: string | null
  alt: string | null
  clickUrl: string
  label: typeof AD_LABEL
}

/** What one view of a topic page shows: the vendor box and the ad slot. */
export type Placement = {
  vendors: PlacedVendor[]
  ad: PlacedAd | null
}

/** What a link of a placement leads to. */
export type LinkTarget =
  | { kind: 'ad'; bookingId: number; topic: Topic; targetUrl: string }
  | { kind: 'vendor'; bookingId: number; topic: Topic; vendorId: number; vendorSlug: string }

/**
 * The one place where the links of ads and paid box places are made: the
 * signed click redirect (`/c/:token`, absolute, so embeds and the API can
 * use it) to the advertiser's URL or the vendor's profile.
 */
export function linkFor(target: LinkTarget, shownAt?: Date): string {
  if (target.kind === 'ad') {
    return absoluteClickUrl(
      {
        kind: 'ad',
        bookingId: target.bookingId,
        vendorId: null,
        topicId: target.topic.id,
        target: target.targetUrl,
      },
      shownAt
    )
  }
  return absoluteClickUrl(
    {
      kind: 'box',
      bookingId: target.bookingId,
      vendorId: target.vendorId,
      topicId: target.topic.id,
      target: absoluteUrl(profileOf(target.topic, target.vendorSlug)),
    },
    shownAt
  )
}

/** The places with a signed link, by booking (an ad's or a paid place's), as made this second. */
type SignedPlaces = Map<number, { second: number; place: PlacedVendor | PlacedAd }>

/** A vendor's profile, reached from the topic's box (the breadcrumb follows the topic). */
function profileOf(topic: Topic, vendorSlug: string): string {
  return urlFor('vendors.show', { slug: vendorSlug }, { qs: { from: topic.slug } })
}

/** An ad's creative as cached with its candidates; the link is made per view. */
type Creative = Omit<PlacedAd, 'clickUrl'> & { targetUrl: string }

/** One topic's live bookings for one week, with what the rule needs. */
type LiveCandidates = {
  rule: PlacementCandidates
  creatives: Map<number, Creative>
  /** Impression caps of the capped bookings, by booking id. */
  caps: Map<number, number>
  /** The topic's published vendors by id, for the unpaid rotation when a paid place is capped. */
  members: Int32Array
  /** The rotation state's key in the cursor store. */
  stateKey: string
  /** The unpaid places shown, by vendor id: the same every view. */
  unpaidPlaces: Map<number, PlacedVendor>
  /** The ad and the paid places shown, renewed each second for their signed links. */
  signedPlaces: SignedPlaces
}

/** What the placement keeps per process between views; it goes with every directory change. */
type Memo = {
  /** Each topic's live candidates, for the week they were loaded for. */
  candidates: Map<number, { week: IsoWeek; live: Promise<LiveCandidates> }>
  boxRows: BoxRows
}

/** The box's rows by vendor id (null: not published), and the fetches on their way. */
type BoxRows = { known: Map<number, VendorBoxRow | null>; fetching: Map<number, Promise<void>> }

/** One view's decision with the rule it followed and the unpaid cursor after it. */
type Turn = { decision: Decision; rule: PlacementCandidates; cursor: number }

/** Box rows fetched ahead of the rotation when it meets an unknown vendor. */
const BOX_ROWS_AHEAD = 1000

/**
 * The single placement decision: the topic page, `GET /api/v1/topics/:slug`,
 * `GET /api/v1/placements?topic=` and the embeds ask it, so they
 * rotate together. The rule is `decidePlacement` (pure); this service feeds
 * it the live candidates and the rotation state and turns its decision into
 * rows. When warm, a view costs no query: the candidates (per topic and
 * week) and the box rows are kept in the directory cache, which every
 * vendor, topic, booking or slot change clears once committed
 * (DirectoryChanged, BookingsChanged).
 */
@inject()
export default class PlacementService {
  constructor(
    private cursors: RotationCursorStore,
    private directory: DirectoryService,
    private cache: DirectoryCache,
    private counter: ImpressionCounter
  ) {}

  /** The topic a placement request names; an unknown one is an input error (422). */
  async topic(slug: string): Promise<Topic> {
    try {
      return await this.directory.topicBySlug(slug)
    } catch (error) {
      if (error instanceof lucidErrors.E_ROW_NOT_FOUND) {
        throw new DomainError('placements.errors.unknown_topic')
      }
      throw error
    }
  }

  /**
   * One view of the topic's placement. With `viewer` (the request that
   * will receive it) the view is counted: every place shown is an
   * impression, raw always, filtered unless a bot, prefetch or HEAD asked.
   * Caps are checked, and the capped bookings' views taken, in the same
   * atomic turn of the rotation state, so a cap is never overshot by the
   * processes that share the state (all of them, with Redis).
   *
   * `parts` are the parts the view shows (the topic page and the API: both;
   * the embeds: one). A part not shown is not decided, counted or advanced,
   * and comes back empty (`vendors: []`, `ad: null`).
   */
  async forTopic(
    topic: Topic,
    viewer: ViewRequest | null = null,
    now?: DateTime,
    parts: PlacementParts = ALL_PARTS
  ): Promise<Placement> {
    // The clock as a number: a view needs only the week and the second (no DateTime per view).
    const at = now ? now.toMillis() : Date.now()
    const memo = await this.#memo()
    const live = await this.#candidates(memo, topic, currentWeek(at))
    const delivered =
      live.caps.size > 0 ? await this.counter.deliveredCounts([...live.caps.keys()]) : null
    // Whether this view is a filtered impression: it then takes from a cap, and counts as one.
    const counted = viewer !== null && isCountedView(viewer)
    const turn = await this.cursors.turn<PlacementState, Turn>(
      live.stateKey,
      (state) => {
        const current: PlacementState = state ?? EMPTY_STATE
        // What a capped booking has delivered: the counters, or the views taken in this state
        // (every process's, with a shared store), whichever is further.
        const taken = (bookingId: number) =>
          Math.max(current.taken?.get(bookingId) ?? 0, delivered?.delivered(bookingId) ?? 0)
        const capped = delivered ? cappedBookings(live.caps, taken) : NONE_CAPPED
        // A vendor whose paid places are all capped joins the unpaid rotation again.
        const paidCapped = live.rule.paid.some((place) => capped.has(place.bookingId))
        const rule = paidCapped
          ? { ...live.rule, unpaid: unpaidRotation(live.members, live.rule.paid, capped) }
          : live.rule
        const turned = decidePlacement(rule, current, capped, { parts })
        const next: PlacementState = delivered
          ? { ...turned.next, taken: takenAfter(live.caps, turned.decision, taken, counted) }
          : turned.next
        return {
          value: { decision: turned.decision, rule, cursor: turned.next.cursor },
          next,
        }
      },
      (settled) => {
        if (viewer) this.counter.record(entriesOf(topic.id, settled.decision), viewer, counted)
      }
    )
    const second = Math.floor(at / 1000)
    return {
      vendors: await this.#vendors(memo.boxRows, topic, live, turn, second),
      ad: this.#ad(topic, live, turn.decision.adBookingId, second),
    }
  }

  /** The per-process memo, one lookup per view. */
  #memo(): Promise<Memo> {
    return this.cache.remember('placement:memo', async () => ({
      candidates: new Map(),
      boxRows: { known: new Map(), fetching: new Map() },
    }))
  }

  /**
   * A place with a signed link (`linkFor`), made once a second rather than
   * for every view: the token records when the place was shown to the
   * second, so views in the same second share it (a click still counts
   * once per viewer). Shared places are frozen.
   */
  #signed<Place extends PlacedVendor | PlacedAd>(
    live: LiveCandidates,
    bookingId: number,
    second: number,
    make: (shownAt: Date) => Place
  ): Place {
    const kept = live.signedPlaces.get(bookingId)
    if (kept?.second === second) return kept.place as Place
    const place = make(new Date(second * 1000))
    Object.freeze(place)
    live.signedPlaces.set(bookingId, { second, place })
    return place
  }

  #ad(topic: Topic, live: LiveCandidates, bookingId: number | null, second: number) {
    const creative = bookingId === null ? undefined : live.creatives.get(bookingId)
    if (!creative) return null
    return this.#signed(live, creative.bookingId, second, (shownAt): PlacedAd => {
      const { targetUrl, ...shown } = creative
      const target = { kind: 'ad', bookingId: creative.bookingId, topic, targetUrl } as const
      return { ...shown, clickUrl: linkFor(target, shownAt) }
    })
  }

  async #vendors(
    boxRows: BoxRows,
    topic: Topic,
    live: LiveCandidates,
    { decision, rule, cursor }: Turn,
    second: number
  ): Promise<PlacedVendor[]> {
    const ids = decision.paid.map((place) => place.vendorId)
    for (const id of decision.unpaidIds) ids.push(id)
    const rows = await this.#boxRows(boxRows, ids, rule, cursor)
    return rows.map((row) => {
      const paid = decision.paid.find((place) => place.vendorId === row.id)
      if (paid) {
        return this.#signed(live, paid.bookingId, second, (shownAt) => {
          const target = {
            kind: 'vendor',
            bookingId: paid.bookingId,
            topic,
            vendorId: row.id,
            vendorSlug: row.slug,
          } as const
          return placedVendor(row, linkFor(target, shownAt), paid.bookingId)
        })
      }
      let place = live.unpaidPlaces.get(row.id)
      if (place === undefined) {
        const profile = absoluteUrl(profileOf(topic, row.slug))
        live.unpaidPlaces.set(row.id, (place = Object.freeze(placedVendor(row, profile))))
      }
      return place
    })
  }

  /**
   * The box's rows, in the order of `ids`, from a per-process map that
   * fills as vendors are shown. When a view meets a vendor not yet known,
   * one query fetches it with the vendors of the views ahead (the paid ones
   * and the unpaid rotation from `cursor`), so the rotation costs a query
   * every few hundred views, not each view. A vendor unpublished since is
   * left out (the directory's rule).
   */
  async #boxRows(
    { known, fetching }: BoxRows,
    ids: number[],
    rule: PlacementCandidates,
    cursor: number
  ): Promise<VendorBoxRow[]> {
    if (ids.some((id) => !known.has(id))) {
      const upcoming = [
        ...rule.paid.map((place) => place.vendorId),
        ...windowTurn(rule.unpaid, cursor, BOX_ROWS_AHEAD).ids,
      ]
      // Views that meet the same unknown vendors at once (many requests in flight) share one query.
      const wanted = [...new Set([...ids, ...upcoming])].filter(
        (id) => !known.has(id) && !fetching.has(id)
      )
      if (wanted.length > 0) {
        const fetched = this.#fetchBoxRows(wanted, known).finally(() => {
          for (const id of wanted) fetching.delete(id)
        })
        for (const id of wanted) fetching.set(id, fetched)
      }
      await Promise.all(new Set(ids.map((id) => fetching.get(id)).filter((fetch) => !!fetch)))
    }
    const rows: VendorBoxRow[] = []
    for (const id of ids) {
      const row = known.get(id)
      if (row) rows.push(row)
    }
    return rows
  }

  async #fetchBoxRows(wanted: number[], known: BoxRows['known']) {
    const rows = await this.directory.publishedBoxRows(wanted)
    for (const id of wanted) known.set(id, null)
    for (const row of rows) known.set(row.id, row)
  }

  /** The topic's live bookings of `week`, loaded once per process until something changes. */
  #candidates(memo: Memo, topic: Topic, week: IsoWeek): Promise<LiveCandidates> {
    const kept = memo.candidates.get(topic.id)
    if (kept?.week === week) return kept.live
    const live = this.#loadCandidates(topic, week)
    memo.candidates.set(topic.id, { week, live })
    live.catch(() => {
      if (memo.candidates.get(topic.id)?.live === live) memo.candidates.delete(topic.id)
    })
    return live
  }

  async #loadCandidates(topic: Topic, week: IsoWeek): Promise<LiveCandidates> {
    const { byId: members } = await this.directory.topicMembers(topic.id)
    const bookings = await Booking.query()
      .withScopes((scopes) => scopes.liveIn(week))
      .whereHas('slot', (slots) =>
        slots.withScopes((scopes) => {
          scopes.active()
          scopes.onTopicPage(topic.id)
        })
      )
      .preload('slot')
      .orderBy('bookings.id', 'asc')
    return liveCandidates(topic.id, bookings, members)
  }
}

const NONE_CAPPED: ReadonlySet<number> = new Set()

/** A box place linking to `url`: a paid place's (`bookingId`) click URL, or the profile. */
function placedVendor(
  row: VendorBoxRow,
  url: string,
  bookingId: number | null = null
): PlacedVendor {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    postalCode: row.postalCode,
    city: row.city,
    paid: bookingId !== null,
    bookingId,
    clickUrl: bookingId === null ? null : url,
    url,
  }
}

/** The ISO week of `at` (ms), worked out once per week rather than for every view. */
let knownWeek: { week: IsoWeek; from: number; until: number } | null = null
function currentWeek(at: number): IsoWeek {
  if (knownWeek && at >= knownWeek.from && at < knownWeek.until) return knownWeek.week
  const week = weekOf(DateTime.fromMillis(at))
  const start = weekStart(week)
  knownWeek = { week, from: start.toMillis(), until: start.plus({ weeks: 1 }).toMillis() }
  return week
}

/** Bookings whose impression cap the delivered counts say is reached. */
function cappedBookings(caps: Map<number, number>, taken: (bookingId: number) => number) {
  const capped = new Set<number>()
  for (const [bookingId, cap] of caps) {
    if (taken(bookingId) >= cap) capped.add(bookingId)
  }
  return capped
}

/**
 * The rotation state of a topic, with the filtered views each capped
 * booking has taken. They are counted in the same atomic turn that
 * chooses the booking, so with a shared store no two processes can take
 * the last view of a cap.
 */
type PlacementState = RotationState & { taken?: ReadonlyMap<number, number> }

/** The capped bookings' taken views after this decision (a counted view adds one). */
function takenAfter(
  caps: Map<number, number>,
  decision: Decision,
  taken: (bookingId: number) => number,
  counts: boolean
) {
  const shown = new Set([decision.adBookingId, ...decision.paid.map((place) => place.bookingId)])
  const next = new Map<number, number>()
  for (const bookingId of caps.keys()) {
    next.set(bookingId, taken(bookingId) + (counts && shown.has(bookingId) ? 1 : 0))
  }
  return next
}

/** What one view shows, as counted: the ad, the paid places and the unpaid ones. */
function entriesOf(topicId: number, decision: Decision): PlacementEntry[] {
  const entries: PlacementEntry[] = decision.paid.map((place) => ({
    bookingId: place.bookingId,
    vendorId: place.vendorId,
    topicId,
    paid: true,
  }))
  for (const vendorId of decision.unpaidIds) {
    entries.push({ bookingId: null, vendorId, topicId, paid: false })
  }
  if (decision.adBookingId !== null) {
    entries.push({ bookingId: decision.adBookingId, vendorId: null, topicId, paid: true })
  }
  return entries
}

/**
 * The rule's candidates from the live bookings: sidebar bookings with a
 * complete creative, and vendor_box bookings whose vendor is still
 * published and in the topic. Paid places may take the capacity of the
 * vendor_box slots on the page, never more than the box.
 */
function liveCandidates(topicId: number, bookings: Booking[], members: Int32Array): LiveCandidates {
  const creatives = new Map<number, Creative>()
  const caps = new Map<number, number>()
  const ads: PlacementCandidates['ads'][number][] = []
  const paid: PaidCandidate[] = []
  const paidSlots = new Map<number, number>()

  for (const booking of bookings) {
    const creative = creativeOf(booking)
    if (booking.slot.position === 'sidebar' && creative) {
      ads.push({ bookingId: booking.id, advertiserId: booking.userId })
      creatives.set(booking.id, creative)
    } else if (
      booking.slot.position === 'vendor_box' &&
      booking.vendorId !== null &&
      sortedHas(members, booking.vendorId)
    ) {
      paid.push({ bookingId: booking.id, advertiserId: booking.userId, vendorId: booking.vendorId })
      paidSlots.set(booking.slotId, booking.slot.capacity)
    } else {
      continue
    }
    if (booking.impressionCap !== null) caps.set(booking.id, booking.impressionCap)
  }

  const paidPlaces = Math.min(
    VENDOR_BOX_SIZE,
    [...paidSlots.values()].reduce((sum, capacity) => sum + capacity, 0)
  )
  return {
    rule: {
      ads,
      paid,
      paidPlaces,
      unpaid: unpaidRotation(members, paid),
    },
    creatives,
    caps,
    members,
    stateKey: `placement:${topicId}`,
    unpaidPlaces: new Map(),
    signedPlaces: new Map(),
  }
}

/** A sidebar booking's creative, or null when it lacks what it needs to be shown. */
function creativeOf(booking: Booking): Creative | null {
  const targetUrl = booking.targetUrl
  if (!targetUrl) return null
  const common = { bookingId: booking.id, label: AD_LABEL, targetUrl }
  if (booking.creativeKind === 'text' && booking.headline) {
    return {
      ...common,
      kind: 'text',
      headline: booking.headline,
      body: booking.body ?? '',
      imageUrl: null,
      alt: null,
    }
  }
  const imagePath = creativeImageUrl(booking.imagePath)
  if (booking.creativeKind === 'image' && imagePath) {
    return {
      ...common,
      kind: 'image',
      headline: null,
      body: null,
      imageUrl: absoluteUrl(imagePath),
      alt: booking.imageAlt ?? '',
    }
  }
  return null
}

/** Whether the ascending `ids` hold `id` (binary search). */
function sortedHas(ids: Int32Array, id: number): boolean {
  let low = 0
  let high = ids.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (ids[middle] === id) return true
    if (ids[middle] < id) low = middle + 1
    else high = middle - 1
  }
  return false
}
