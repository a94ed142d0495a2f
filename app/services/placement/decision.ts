/**
 * The placement rule, pure: given one page view's candidates and the
 * rotation state, it decides what the view shows and returns the next
 * state. The caller keeps the state (per process now, Redis later) and
 * loads the rows to show; this file never touches the database.
 *
 * - The ad slot shows one live sidebar booking, chosen by smooth weighted
 *   round-robin over the booked shares (one booking = one share). Over any
 *   run of views every booking's count stays within a view or two of its
 *   share, far inside the promised percentage point per 1,000 views.
 * - The ad is chosen first. Its advertiser's paid box places sit this view
 *   out, so the ad keeps its exact share of voice; the paid place loses the
 *   views on which its advertiser holds the ad (the advertiser is on the
 *   page either way).
 * - Paid box places: all live ones are shown while they fit into the
 *   paid places; otherwise they rotate by the same smooth round-robin,
 *   choosing several distinct ones per view.
 * - The other places rotate among the unpaid vendors with a cursor over a
 *   fixed order, so that any run of views shows each of them k or k+1 times.
 * - A booking whose impression cap is reached is not a candidate.
 * - A view may show only one part (`parts`): an embed of the vendor box
 *   shows no ad, an embed of an ad slot no box. The part not shown is not
 *   decided: its rotation state stays as it was, so it is neither counted
 *   nor advanced, and without an ad on the view no paid place sits out.
 */

export type AdCandidate = { bookingId: number; advertiserId: number }

export type PaidCandidate = { bookingId: number; advertiserId: number; vendorId: number }

export type PlacementCandidates = {
  /** Live sidebar bookings of the topic's own and the run-of-site slots, by booking id. */
  ads: readonly AdCandidate[]
  /** Live vendor_box bookings whose vendor is published and in the topic, by booking id. */
  paid: readonly PaidCandidate[]
  /** How many of the box's places may be paid on one view. */
  paidPlaces: number
  /** The unpaid rotation, in a fixed order; vendors with a paid place are not in it. */
  unpaid: ArrayLike<number>
}

/** Smooth round-robin weights by booking id, and the unpaid cursor. */
export type RotationState = {
  ad: ReadonlyMap<number, number>
  paid: ReadonlyMap<number, number>
  cursor: number
}

export type Decision = {
  /** The booking in the ad slot, or null for the house ad. */
  adBookingId: number | null
  /** The paid places of this view, in candidate order. */
  paid: PaidCandidate[]
  /** The unpaid vendors of this view, in rotation order. */
  unpaidIds: number[]
}

/** Which parts of the placement a view shows: the topic page shows both. */
export type PlacementParts = { vendors: boolean; ad: boolean }

export const ALL_PARTS: PlacementParts = { vendors: true, ad: true }

export type DecisionOptions = {
  /** The places of the vendor box (default 4). */
  boxSize?: number
  /** The parts this view shows (default both). */
  parts?: PlacementParts
}

export const VENDOR_BOX_SIZE = 4

export const EMPTY_STATE: RotationState = { ad: new Map(), paid: new Map(), cursor: 0 }

/**
 * One view's decision. `capped` holds the bookings whose impression cap is
 * reached; they are left out as if they were not booked this view. A part
 * the view does not show (`options.parts`) is empty in the decision and
 * keeps its state.
 */
export function decidePlacement(
  candidates: PlacementCandidates,
  state: RotationState,
  capped: ReadonlySet<number> = new Set(),
  { boxSize = VENDOR_BOX_SIZE, parts = ALL_PARTS }: DecisionOptions = {}
): { decision: Decision; next: RotationState } {
  const ads = parts.ad ? candidates.ads.filter((ad) => !capped.has(ad.bookingId)) : []
  const adTurn = smoothPick(
    ads.map((ad) => ad.bookingId),
    state.ad,
    1
  )
  const adBookingId = adTurn.chosen[0] ?? null
  const adAdvertiser = ads.find((ad) => ad.bookingId === adBookingId)?.advertiserId ?? null

  // One place per vendor: a vendor with two live shares takes its first.
  const seenVendors = new Set<number>()
  const available = candidates.paid.filter((place) => {
    if (capped.has(place.bookingId) || place.advertiserId === adAdvertiser) return false
    if (seenVendors.has(place.vendorId)) return false
    seenVendors.add(place.vendorId)
    return true
  })
  const paidPlaces = Math.max(0, Math.min(candidates.paidPlaces, boxSize))
  const paidTurn = smoothPick(
    available.map((place) => place.bookingId),
    state.paid,
    paidPlaces
  )
  const chosenPaid = new Set(paidTurn.chosen)
  const paid = available.filter((place) => chosenPaid.has(place.bookingId))

  const unpaid = windowTurn(candidates.unpaid, state.cursor, boxSize - paid.length)

  return {
    decision: {
      adBookingId,
      paid: parts.vendors ? paid : [],
      unpaidIds: parts.vendors ? unpaid.ids : [],
    },
    next: {
      ad: parts.ad ? keepKnown(adTurn.next, state.ad, candidates.ads) : state.ad,
      paid: parts.vendors ? keepKnown(paidTurn.next, state.paid, candidates.paid) : state.paid,
      cursor: parts.vendors ? unpaid.nextCursor : state.cursor,
    },
  }
}

/**
 * The unpaid rotation: the topic's vendors (in a fixed order) without those
 * that hold a paid place, so no vendor shows twice and a paid vendor never
 * again unpaid. A vendor whose every paid booking is capped rotates unpaid.
 */
export function unpaidRotation(
  members: Int32Array,
  paid: readonly PaidCandidate[],
  capped: ReadonlySet<number> = new Set()
): Int32Array {
  const paidVendors = new Set(
    paid.filter((place) => !capped.has(place.bookingId)).map((place) => place.vendorId)
  )
  return paidVendors.size === 0 ? members : members.filter((id) => !paidVendors.has(id))
}

/**
 * Smooth weighted round-robin choosing `places` distinct keys, every key
 * weighing one share: each turn every key gains `places`, the `places`
 * highest are chosen (ties: earlier key first) and each pays back the number
 * of keys. The weights of one turn sum to zero, so none drifts. When all keys
 * fit, all are chosen and nothing moves.
 */
export function smoothPick(
  keys: readonly number[],
  current: ReadonlyMap<number, number>,
  places: number
): { chosen: number[]; next: Map<number, number> } {
  const next = new Map<number, number>()
  if (places <= 0 || keys.length === 0) return { chosen: [], next }
  if (keys.length <= places) {
    for (const key of keys) next.set(key, current.get(key) ?? 0)
    return { chosen: [...keys], next }
  }
  const raised = keys.map((key, index) => ({
    key,
    index,
    weight: (current.get(key) ?? 0) + places,
  }))
  const chosen = [...raised]
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .slice(0, places)
  const chosenKeys = new Set(chosen.map((entry) => entry.key))
  for (const entry of raised) {
    next.set(entry.key, entry.weight - (chosenKeys.has(entry.key) ? keys.length : 0))
  }
  return { chosen: keys.filter((key) => chosenKeys.has(key)), next }
}

/**
 * `size` consecutive entries of the cyclic list from the cursor. Every run
 * of views consumes one stretch of the cycle, so counts differ by at most one.
 */
export function windowTurn(
  list: ArrayLike<number>,
  cursor: number,
  size: number
): { ids: number[]; nextCursor: number } {
  const total = list.length
  if (total === 0 || size <= 0) return { ids: [], nextCursor: total === 0 ? 0 : cursor % total }
  if (total <= size) return { ids: Array.from(list), nextCursor: cursor % total }
  const start = ((cursor % total) + total) % total
  const ids: number[] = []
  for (let step = 0; step < size; step++) ids.push(list[(start + step) % total])
  return { ids, nextCursor: (start + size) % total }
}

/**
 * The weights to keep: this turn's for the keys that took part, the old
 * ones for keys that sat out (capped, or their advertiser had the ad), and
 * none for bookings that are no longer live.
 */
function keepKnown(
  turned: ReadonlyMap<number, number>,
  previous: ReadonlyMap<number, number>,
  all: readonly { bookingId: number }[]
): Map<number, number> {
  const kept = new Map<number, number>()
  for (const { bookingId } of all) {
    const weight = turned.get(bookingId) ?? previous.get(bookingId)
    if (weight !== undefined && weight !== 0) kept.set(bookingId, weight)
  }
  return kept
}
