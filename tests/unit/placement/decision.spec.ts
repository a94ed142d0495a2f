import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import {
  ALL_PARTS,
  decidePlacement,
  EMPTY_STATE,
  smoothPick,
  unpaidRotation,
  type AdCandidate,
  type Decision,
  type PaidCandidate,
  type PlacementCandidates,
  type PlacementParts,
  type RotationState,
} from '#services/placement/decision'
import { MemoryCursorStore } from '#services/placement/rotation'

/**
 * "Any 1,000 consecutive views" is measured literally: the rule runs for
 * 10,000 views from a fresh state, and every window of 1,000 views (each
 * start 0, 1, …, 9,000) is checked, plus the whole run of 10,000.
 */
const WINDOW = 1_000
const RUN = 10_000

function simulate(
  rule: PlacementCandidates,
  views: number,
  capped: Set<number> = new Set()
): Decision[] {
  let state: RotationState = EMPTY_STATE
  const decisions: Decision[] = []
  for (let view = 0; view < views; view++) {
    const { decision, next } = decidePlacement(rule, state, capped)
    decisions.push(decision)
    state = next
  }
  return decisions
}

/** For each key, how often it occurs in each window of `size` views (sliding by one). */
function windowCounts(
  occurrences: number[][],
  keys: number[],
  size: number
): Map<number, number[]> {
  const result = new Map<number, number[]>()
  for (const key of keys) {
    const prefix = [0]
    for (const shown of occurrences)
      prefix.push(prefix[prefix.length - 1] + occurrencesOf(shown, key))
    const windows: number[] = []
    for (let start = 0; start + size <= occurrences.length; start++) {
      windows.push(prefix[start + size] - prefix[start])
    }
    result.set(key, windows)
  }
  return result
}

function occurrencesOf(values: number[], key: number) {
  return values.reduce((total, value) => total + (value === key ? 1 : 0), 0)
}

/** The largest |observed share − booked share| of any window, in percentage points. */
function worstShareGap(
  decisions: Decision[],
  groups: Map<number, number[]>,
  booked: Map<number, number>,
  size: number
): number {
  // Group bookings (e.g. by advertiser): a view counts for the group of its ad.
  const groupOf = new Map<number, number>()
  for (const [group, bookings] of groups) for (const id of bookings) groupOf.set(id, group)
  const shown = decisions.map((decision) =>
    decision.adBookingId === null ? [] : [groupOf.get(decision.adBookingId)!]
  )
  let worst = 0
  for (const [group, windows] of windowCounts(shown, [...groups.keys()], size)) {
    for (const observed of windows) {
      worst = Math.max(worst, Math.abs((observed / size) * 100 - booked.get(group)! * 100))
    }
  }
  return worst
}

/** The largest relative deviation from the mean of the unpaid vendors' appearances in any window. */
function worstVendorDeviation(decisions: Decision[], vendors: number[], size: number): number {
  const shown = decisions.map((decision) => decision.unpaidIds)
  const windows = windowCounts(shown, vendors, size)
  let worst = 0
  const starts = decisions.length - size + 1
  for (let start = 0; start < starts; start++) {
    const counts = vendors.map((vendor) => windows.get(vendor)![start])
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length
    for (const observed of counts) worst = Math.max(worst, Math.abs(observed - mean) / mean)
  }
  return worst
}

function ids(from: number, count: number) {
  return Array.from({ length: count }, (_, index) => from + index)
}

function adsOf(advertisers: number[]): AdCandidate[] {
  return advertisers.map((advertiserId, index) => ({ bookingId: 100 + index, advertiserId }))
}

function candidates(overrides: Partial<PlacementCandidates>): PlacementCandidates {
  return { ads: [], paid: [], paidPlaces: 2, unpaid: [], ...overrides }
}

test.group('Placement decision / share of voice of the ad', () => {
  const mixes: { name: string; advertisers: number[]; shares: Record<number, number> }[] = [
    { name: '1:1:1', advertisers: [1, 2, 3], shares: { 1: 1 / 3, 2: 1 / 3, 3: 1 / 3 } },
    {
      name: '2:1 (two bookings against one)',
      advertisers: [1, 1, 2],
      shares: { 1: 2 / 3, 2: 1 / 3 },
    },
    {
      name: '2:1:1 (one advertiser with two bookings)',
      advertisers: [1, 2, 1, 3],
      shares: { 1: 1 / 2, 2: 1 / 4, 3: 1 / 4 },
    },
  ]

  for (const mix of mixes) {
    test(`${mix.name}: every booking and advertiser within 1 point of its share in every 1,000 views`, ({
      assert,
    }) => {
      const ads = adsOf(mix.advertisers)
      const decisions = simulate(candidates({ ads }), RUN)

      // Each booking is one share.
      const byBooking = new Map(ads.map((ad) => [ad.bookingId, [ad.bookingId]]))
      const bookingShare = new Map(ads.map((ad) => [ad.bookingId, 1 / ads.length]))
      assert.isAtMost(worstShareGap(decisions, byBooking, bookingShare, WINDOW), 1)
      assert.isAtMost(worstShareGap(decisions.slice(0, WINDOW), byBooking, bookingShare, WINDOW), 1)
      assert.isAtMost(worstShareGap(decisions, byBooking, bookingShare, RUN), 1)

      // An advertiser's share is the sum of its bookings.
      const byAdvertiser = new Map<number, number[]>()
      for (const ad of ads) {
        byAdvertiser.set(ad.advertiserId, [
          ...(byAdvertiser.get(ad.advertiserId) ?? []),
          ad.bookingId,
        ])
      }
      const advertiserShare = new Map(Object.entries(mix.shares).map(([k, v]) => [Number(k), v]))
      assert.isAtMost(worstShareGap(decisions, byAdvertiser, advertiserShare, WINDOW), 1)
      assert.isAtMost(worstShareGap(decisions, byAdvertiser, advertiserShare, RUN), 1)

      // Every view has an ad.
      assert.isTrue(decisions.every((decision) => decision.adBookingId !== null))
    })
  }

  test('the ad is not the same on consecutive views when several are live', ({ assert }) => {
    const decisions = simulate(candidates({ ads: adsOf([1, 2]) }), 10)
    for (let view = 1; view < decisions.length; view++) {
      assert.notEqual(decisions[view].adBookingId, decisions[view - 1].adBookingId)
    }
  })

  test('nothing live: no ad (the page shows the house ad)', ({ assert }) => {
    const decisions = simulate(candidates({ unpaid: ids(1, 6) }), 20)
    assert.isTrue(decisions.every((decision) => decision.adBookingId === null))
    assert.isTrue(decisions.every((decision) => decision.unpaidIds.length === 4))
  })

  test('run-of-site and topic bookings compete as equal shares', ({ assert }) => {
    // The service lists both kinds of sidebar bookings as candidates; the rule treats them alike.
    const topicAd = { bookingId: 7, advertiserId: 1 }
    const runOfSiteAds = [
      { bookingId: 8, advertiserId: 2 },
      { bookingId: 9, advertiserId: 3 },
    ]
    const decisions = simulate(candidates({ ads: [topicAd, ...runOfSiteAds] }), RUN)
    const byBooking = new Map([7, 8, 9].map((id) => [id, [id]]))
    const share = new Map([7, 8, 9].map((id) => [id, 1 / 3]))
    assert.isAtMost(worstShareGap(decisions, byBooking, share, WINDOW), 1)
  })
})

test.group('Placement decision / vendor box', () => {
  for (const size of [4, 5, 9, 50]) {
    test(`${size} unpaid vendors: each within ±2 % of the mean in every 1,000 views`, ({
      assert,
    }) => {
      const vendors = ids(1, size)
      const decisions = simulate(candidates({ unpaid: Int32Array.from(vendors) }), RUN)
      assert.isAtMost(worstVendorDeviation(decisions, vendors, WINDOW), 0.02)
      assert.isAtMost(worstVendorDeviation(decisions.slice(0, WINDOW), vendors, WINDOW), 0.02)
      assert.isAtMost(worstVendorDeviation(decisions, vendors, RUN), 0.02)
      for (const decision of decisions) {
        assert.lengthOf(decision.unpaidIds, Math.min(4, size))
        assert.lengthOf(new Set(decision.unpaidIds), decision.unpaidIds.length)
      }
    })
  }

  test('paid places that fit are shown on every view; the rest rotate fairly', ({ assert }) => {
    const members = Int32Array.from(ids(1, 11))
    const paid: PaidCandidate[] = [
      { bookingId: 201, advertiserId: 51, vendorId: 3 },
      { bookingId: 202, advertiserId: 52, vendorId: 8 },
    ]
    const unpaid = unpaidRotation(members, paid)
    const decisions = simulate(candidates({ paid, unpaid }), RUN)
    for (const decision of decisions) {
      assert.deepEqual(
        decision.paid.map((place) => place.vendorId),
        [3, 8]
      )
      assert.lengthOf(decision.unpaidIds, 2)
    }
    assert.isAtMost(worstVendorDeviation(decisions, Array.from(unpaid), WINDOW), 0.02)
  })

  test('paid places that do not fit rotate by booked share', ({ assert }) => {
    const paid: PaidCandidate[] = [
      { bookingId: 201, advertiserId: 51, vendorId: 3 },
      { bookingId: 202, advertiserId: 52, vendorId: 8 },
      { bookingId: 203, advertiserId: 53, vendorId: 9 },
    ]
    const decisions = simulate(
      candidates({
        paid,
        paidPlaces: 2,
        unpaid: unpaidRotation(Int32Array.from(ids(1, 12)), paid),
      }),
      RUN
    )
    const shown = decisions.map((decision) => decision.paid.map((place) => place.bookingId))
    for (const windows of windowCounts(shown, [201, 202, 203], WINDOW).values()) {
      for (const observed of windows) assert.isAtMost(Math.abs(observed / WINDOW - 2 / 3), 0.01)
    }
    assert.isTrue(decisions.every((decision) => decision.paid.length === 2))
    assert.isTrue(decisions.every((decision) => decision.unpaidIds.length === 2))
  })

  test('no vendor twice: a paid vendor is never shown again unpaid', ({ assert }) => {
    const members = Int32Array.from(ids(1, 9))
    const paid: PaidCandidate[] = [
      { bookingId: 201, advertiserId: 51, vendorId: 4 },
      // The same vendor with a second share (e.g. a run-of-site vendor_box slot).
      { bookingId: 202, advertiserId: 51, vendorId: 4 },
      { bookingId: 203, advertiserId: 52, vendorId: 7 },
    ]
    const unpaid = unpaidRotation(members, paid)
    assert.deepEqual(Array.from(unpaid), [1, 2, 3, 5, 6, 8, 9])

    const decisions = simulate(candidates({ paid, paidPlaces: 4, unpaid }), WINDOW)
    for (const decision of decisions) {
      const shown = [...decision.paid.map((place) => place.vendorId), ...decision.unpaidIds]
      assert.lengthOf(shown, 4)
      assert.lengthOf(new Set(shown), 4)
      assert.deepEqual(
        decision.paid.map((place) => place.bookingId),
        [201, 203]
      )
      assert.notInclude(decision.unpaidIds, 4)
      assert.notInclude(decision.unpaidIds, 7)
    }
  })

  test('a box with fewer vendors than places shows each of them once', ({ assert }) => {
    const paid: PaidCandidate[] = [{ bookingId: 201, advertiserId: 51, vendorId: 2 }]
    const unpaid = unpaidRotation(Int32Array.from([1, 2, 3]), paid)
    const [decision] = simulate(candidates({ paid, unpaid }), 1)
    assert.deepEqual(
      decision.paid.map((place) => place.vendorId),
      [2]
    )
    assert.deepEqual(decision.unpaidIds, [1, 3])
  })
})

test.group('Placement decision / same advertiser and caps', () => {
  test('an advertiser never fills the ad slot and a paid place on the same view', ({ assert }) => {
    const ads = [
      { bookingId: 101, advertiserId: 1 },
      { bookingId: 102, advertiserId: 2 },
    ]
    const paid: PaidCandidate[] = [
      { bookingId: 201, advertiserId: 1, vendorId: 5 },
      { bookingId: 202, advertiserId: 3, vendorId: 6 },
    ]
    const unpaid = unpaidRotation(Int32Array.from(ids(1, 10)), paid)
    const decisions = simulate(candidates({ ads, paid, unpaid }), RUN)

    for (const decision of decisions) {
      const advertisers = decision.paid.map((place) => place.advertiserId)
      const adAdvertiser = ads.find((ad) => ad.bookingId === decision.adBookingId)!.advertiserId
      assert.notInclude(advertisers, adAdvertiser)
      // The other paid place is unaffected; the freed place goes to an unpaid vendor.
      assert.include(advertisers, 3)
      assert.lengthOf(decision.paid, 2 - Number(adAdvertiser === 1))
      assert.lengthOf(decision.unpaidIds, 4 - decision.paid.length)
      assert.notInclude(decision.unpaidIds, 5)
    }
    // The ad is chosen first and keeps its exact share; advertiser 1's paid
    // place takes the views on which advertiser 2 holds the ad.
    const byBooking = new Map([
      [101, [101]],
      [102, [102]],
    ])
    const half = new Map([
      [101, 0.5],
      [102, 0.5],
    ])
    assert.isAtMost(worstShareGap(decisions, byBooking, half, WINDOW), 1)
    const paidShown = decisions.filter((d) => d.paid.some((place) => place.bookingId === 201))
    assert.equal(paidShown.length, decisions.filter((d) => d.adBookingId === 102).length)
  })

  test('a booking whose cap is reached is not chosen; the others share its views', ({ assert }) => {
    const ads = adsOf([1, 2, 3])
    const capped = new Set([100])
    const decisions = simulate(candidates({ ads }), RUN, capped)
    assert.isFalse(decisions.some((decision) => decision.adBookingId === 100))
    const byBooking = new Map([
      [101, [101]],
      [102, [102]],
    ])
    const half = new Map([
      [101, 0.5],
      [102, 0.5],
    ])
    assert.isAtMost(worstShareGap(decisions, byBooking, half, WINDOW), 1)
  })

  test('all bookings capped: the house ad', ({ assert }) => {
    const decisions = simulate(candidates({ ads: adsOf([1, 2]) }), 10, new Set([100, 101]))
    assert.isTrue(decisions.every((decision) => decision.adBookingId === null))
  })

  test('a capped paid place is not shown; its vendor rotates unpaid again', ({ assert }) => {
    const members = Int32Array.from(ids(1, 6))
    const paid: PaidCandidate[] = [
      { bookingId: 201, advertiserId: 51, vendorId: 2 },
      { bookingId: 202, advertiserId: 52, vendorId: 5 },
    ]
    const capped = new Set([201])
    const unpaid = unpaidRotation(members, paid, capped)
    assert.deepEqual(Array.from(unpaid), [1, 2, 3, 4, 6])
    const decisions = simulate(candidates({ paid, unpaid }), 100, capped)
    for (const decision of decisions) {
      assert.deepEqual(
        decision.paid.map((place) => place.bookingId),
        [202]
      )
      assert.lengthOf(decision.unpaidIds, 3)
    }
    assert.isTrue(decisions.some((decision) => decision.unpaidIds.includes(2)))
  })

  test('the state forgets bookings that are no longer live', ({ assert }) => {
    const ads = adsOf([1, 2, 3])
    let state: RotationState = EMPTY_STATE
    for (let view = 0; view < 4; view++) state = decidePlacement(candidates({ ads }), state).next
    assert.includeMembers([...state.ad.keys()], [101, 102])

    const { next } = decidePlacement(candidates({ ads: [ads[0]] }), state)
    assert.isTrue([...next.ad.keys()].every((bookingId) => bookingId === 100))
  })
})

test.group('Placement decision / rotation state', () => {
  test('smooth round-robin keeps the weights summing to zero', ({ assert }) => {
    let current = new Map<number, number>()
    for (let turn = 0; turn < 50; turn++) {
      const result = smoothPick([1, 2, 3, 4, 5], current, 2)
      assert.lengthOf(result.chosen, 2)
      current = result.next
      assert.equal(
        [...current.values()].reduce((a, b) => a + b, 0),
        0
      )
    }
  })

  test('the memory store turns the state atomically per key', async ({ assert }) => {
    const store = new MemoryCursorStore()
    const step = (state: number | undefined) => ({
      value: state ?? 0,
      next: (state ?? 0) + 1,
    })
    const values = await Promise.all([store.turn('a', step), store.turn('a', step)])
    assert.deepEqual(values.sort(), [0, 1])
    assert.equal(await store.turn('b', step), 0)
  })
})

/**
 * The embeds show one part each: the vendor-box embed no ad, the slot
 * embed no box. Each part alone is as fair as on the topic page, and a
 * part not shown neither moves nor shows, also when the views interleave.
 */
test.group('Placement decision / one part per view (embeds)', () => {
  const VENDORS_ONLY: PlacementParts = { vendors: true, ad: false }
  const AD_ONLY: PlacementParts = { vendors: false, ad: true }

  /** Runs the views in order, each showing the parts `partsOf(view)` gives. */
  function simulateParts(
    assert: Assert,
    rule: PlacementCandidates,
    views: number,
    partsOf: (view: number) => PlacementParts
  ): { decisions: Decision[]; parts: PlacementParts[] } {
    let state: RotationState = EMPTY_STATE
    const decisions: Decision[] = []
    const parts: PlacementParts[] = []
    for (let view = 0; view < views; view++) {
      const shown = partsOf(view)
      const { decision, next } = decidePlacement(rule, state, new Set(), { parts: shown })
      if (!shown.ad) assert.strictEqual(next.ad, state.ad, `view ${view}: the ad state moved`)
      if (!shown.vendors) {
        assert.strictEqual(next.paid, state.paid, `view ${view}: the paid state moved`)
        assert.equal(next.cursor, state.cursor, `view ${view}: the unpaid cursor moved`)
      }
      decisions.push(decision)
      parts.push(shown)
      state = next
    }
    return { decisions, parts }
  }

  for (const size of [4, 5, 9, 50]) {
    test(`vendor box alone, ${size} unpaid vendors: within ±2 % of the mean, and no ad`, ({
      assert,
    }) => {
      const vendors = ids(1, size)
      const rule = candidates({ ads: adsOf([1, 2]), unpaid: Int32Array.from(vendors) })
      const { decisions } = simulateParts(assert, rule, RUN, () => VENDORS_ONLY)
      assert.isAtMost(worstVendorDeviation(decisions, vendors, WINDOW), 0.02)
      assert.isAtMost(worstVendorDeviation(decisions, vendors, RUN), 0.02)
      for (const decision of decisions) {
        assert.isNull(decision.adBookingId)
        assert.lengthOf(decision.unpaidIds, Math.min(4, size))
      }
    })
  }

  test('vendor box alone: paid places rotate by booked share; no ad makes one sit out', ({
    assert,
  }) => {
    const paid: PaidCandidate[] = [
      { bookingId: 201, advertiserId: 1, vendorId: 3 },
      { bookingId: 202, advertiserId: 52, vendorId: 8 },
      { bookingId: 203, advertiserId: 53, vendorId: 9 },
    ]
    // Advertiser 1 also books the ad; on the topic page its paid place would sit out.
    const rule = candidates({
      ads: adsOf([1]),
      paid,
      paidPlaces: 2,
      unpaid: unpaidRotation(Int32Array.from(ids(1, 12)), paid),
    })
    const { decisions } = simulateParts(assert, rule, RUN, () => VENDORS_ONLY)
    const shown = decisions.map((decision) => decision.paid.map((place) => place.bookingId))
    for (const windows of windowCounts(shown, [201, 202, 203], WINDOW).values()) {
      for (const observed of windows) assert.isAtMost(Math.abs(observed / WINDOW - 2 / 3), 0.01)
    }
    assert.isTrue(decisions.every((decision) => decision.paid.length === 2))
    assert.isTrue(decisions.every((decision) => decision.unpaidIds.length === 2))
  })

  for (const mix of [
    { name: '1:1:1', advertisers: [1, 2, 3] },
    { name: '2:1', advertisers: [1, 1, 2] },
  ]) {
    test(`ad alone, ${mix.name}: every booking within 1 point of its share, and no box`, ({
      assert,
    }) => {
      const ads = adsOf(mix.advertisers)
      const rule = candidates({ ads, unpaid: Int32Array.from(ids(1, 9)) })
      const { decisions } = simulateParts(assert, rule, RUN, () => AD_ONLY)
      const byBooking = new Map(ads.map((ad) => [ad.bookingId, [ad.bookingId]]))
      const share = new Map(ads.map((ad) => [ad.bookingId, 1 / ads.length]))
      assert.isAtMost(worstShareGap(decisions, byBooking, share, WINDOW), 1)
      assert.isAtMost(worstShareGap(decisions, byBooking, share, RUN), 1)
      for (const decision of decisions) {
        assert.isNotNull(decision.adBookingId)
        assert.deepEqual(decision.paid, [])
        assert.deepEqual(decision.unpaidIds, [])
      }
    })
  }

  test('topic page and both embeds interleaved: each part is fair over the views that show it', ({
    assert,
  }) => {
    const ads = adsOf([1, 2, 3])
    const vendors = ids(1, 9)
    const rule = candidates({ ads, unpaid: Int32Array.from(vendors) })
    // An uneven, fixed mix: page, vendor-box embed, page, slot embed, slot embed, …
    const pattern = [ALL_PARTS, VENDORS_ONLY, ALL_PARTS, AD_ONLY, AD_ONLY, VENDORS_ONLY, AD_ONLY]
    const { decisions, parts } = simulateParts(assert, rule, 3 * RUN, (view) => pattern[view % 7])

    const withAd = decisions.filter((_, view) => parts[view].ad)
    const withBox = decisions.filter((_, view) => parts[view].vendors)
    const byBooking = new Map(ads.map((ad) => [ad.bookingId, [ad.bookingId]]))
    const share = new Map(ads.map((ad) => [ad.bookingId, 1 / 3]))
    assert.isAtMost(worstShareGap(withAd, byBooking, share, WINDOW), 1)
    assert.isAtMost(worstVendorDeviation(withBox, vendors, WINDOW), 0.02)
    // A view shows exactly its parts.
    decisions.forEach((decision, view) => {
      assert.equal(decision.adBookingId !== null, parts[view].ad)
      assert.equal(decision.unpaidIds.length > 0, parts[view].vendors)
    })
  })
})
