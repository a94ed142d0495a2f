import { DateTime as DateTimeValue, type DateTime } from 'luxon'
import Booking from '#models/booking'
import NewsItem from '#models/news_item'
import type User from '#models/user'
import Vendor, { type VendorStatus } from '#models/vendor'
import VendorClaim from '#models/vendor_claim'
import VendorRevision from '#models/vendor_revision'

export type QueueItemType = 'vendor' | 'revision' | 'claim'

/** One entry of the review queue: a new vendor, a revision or a claim. */
export type QueueItem = {
  type: QueueItemType
  id: number
  vendor: { id: number; slug: string; name: string; status: VendorStatus }
  /** Who asked: the vendor's owner, the revision's author, the claimant. */
  who: { id: number; name: string; email: string } | null
  submittedAt: DateTime
}

/** New vendors, revisions and claims that wait for an editor, oldest first. */
export async function reviewQueue(): Promise<QueueItem[]> {
  const [vendors, revisions, claims] = await Promise.all([
    Vendor.query()
      .where('status', 'pending')
      .preload('members', (members) =>
        members.where('role', 'owner').orderBy('id', 'asc').preload('user')
      ),
    VendorRevision.query()
      .withScopes((scopes) => scopes.pending())
      .preload('vendor')
      .preload('author'),
    VendorClaim.query()
      .withScopes((scopes) => scopes.pending())
      .preload('vendor')
      .preload('user'),
  ])

  const items: QueueItem[] = [
    ...vendors.map((vendor) => ({
      type: 'vendor' as const,
      id: vendor.id,
      vendor: vendorRef(vendor),
      who: person(vendor.members[0]?.user),
      submittedAt: vendor.submittedAt ?? vendor.updatedAt,
    })),
    ...revisions.map((revision) => ({
      type: 'revision' as const,
      id: revision.id,
      vendor: vendorRef(revision.vendor),
      who: person(revision.author),
      submittedAt: revision.createdAt,
    })),
    ...claims.map((claim) => ({
      type: 'claim' as const,
      id: claim.id,
      vendor: vendorRef(claim.vendor),
      who: person(claim.user),
      submittedAt: claim.createdAt,
    })),
  ]
  const typeOrder: Record<QueueItemType, number> = { vendor: 0, revision: 1, claim: 2 }
  return items.sort(
    (a, b) =>
      a.submittedAt.toMillis() - b.submittedAt.toMillis() ||
      typeOrder[a.type] - typeOrder[b.type] ||
      a.id - b.id
  )
}

function vendorRef(vendor: Vendor) {
  return { id: vendor.id, slug: vendor.slug, name: vendor.name, status: vendor.status }
}

function person(user: User | null | undefined) {
  return user ? { id: user.id, name: user.name, email: user.email } : null
}

/** A booking request that waits for an editor, with its hold's expiry. */
export type BookingQueueItem = {
  id: number
  advertiser: { id: number; name: string; email: string }
  slot: { id: number; position: string; topic: string | null }
  weeks: string[]
  grossCents: number
  holdExpiresAt: DateTime | null
  /** The hold has lapsed: it can no longer be approved. */
  lapsed: boolean
  submittedAt: DateTime
}

/** Requested bookings, oldest first (lapsed holds too, marked, until `bookings:expire` stores them). */
export async function bookingQueue(
  now: DateTime = DateTimeValue.now()
): Promise<BookingQueueItem[]> {
  const bookings = await Booking.query()
    .where('status', 'requested')
    .preload('user')
    .preload('slot', (slot) => slot.preload('topic'))
    .preload('bookingWeeks')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
  return bookings.map((booking) => ({
    id: booking.id,
    advertiser: person(booking.user)!,
    slot: {
      id: booking.slot.id,
      position: booking.slot.position,
      topic: booking.slot.topic?.name ?? null,
    },
    weeks: booking.weeks,
    grossCents: booking.grossCents,
    holdExpiresAt: booking.holdExpiresAt,
    lapsed: !booking.isHolding(now),
    submittedAt: booking.createdAt,
  }))
}

/** A vendor's press release that waits for an editor. */
export type NewsQueueItem = {
  id: number
  title: string
  vendor: { id: number; slug: string; name: string } | null
  who: { id: number; name: string; email: string } | null
  submittedAt: DateTime
}

/** Pending press releases, oldest first. */
export async function newsQueue(): Promise<NewsQueueItem[]> {
  const items = await NewsItem.query()
    .where('status', 'pending')
    .preload('vendor')
    .preload('author')
    .orderBy('submitted_at', 'asc')
    .orderBy('id', 'asc')
  return items.map((item) => ({
    id: item.id,
    title: item.kicker ? `${item.kicker} ${item.title}` : item.title,
    vendor: item.vendor
      ? { id: item.vendor.id, slug: item.vendor.slug, name: item.vendor.name }
      : null,
    who: person(item.author),
    submittedAt: item.submittedAt ?? item.createdAt,
  }))
}
