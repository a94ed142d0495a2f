import { DateTime } from 'luxon'
import type User from '#models/user'
import type Vendor from '#models/vendor'
import type { VendorSnapshot } from '#models/vendor_revision'
import { TopicFactory } from '#database/factories/topic_factory'
import { VendorRevisionFactory } from '#database/factories/vendor_revision_factory'
import { VendorClaimFactory } from '#database/factories/vendor_claim_factory'
import { createVendor } from '#tests/helpers/directory'
import { addMember } from '#tests/helpers/vendor_accounts'
import { snapshotOf } from '#services/vendor_snapshot'

/** Review data made through the factories, as self-service would leave it. */

export async function topic(slug: string, name: string, position = 1) {
  return TopicFactory.merge({ slug, name, description: '', position }).create()
}

/** A vendor its owner submitted for review at `submittedAt`. */
export async function pendingVendor(
  owner: User,
  submittedAt: DateTime,
  attributes: Partial<Vendor> = {}
) {
  const vendor = await createVendor({ status: 'pending', submittedAt, ...attributes })
  await addMember(vendor, owner)
  return vendor
}

/** A pending revision of a published vendor: its current snapshot with `changes`. */
export async function pendingRevision(
  vendor: Vendor,
  author: User | null,
  changes: Partial<VendorSnapshot> = {},
  createdAt: DateTime = DateTime.now()
) {
  const data = { ...(await snapshotOf(vendor)), ...changes }
  return VendorRevisionFactory.merge({
    vendorId: vendor.id,
    authorId: author?.id ?? null,
    data,
    createdAt,
  }).create()
}

export async function pendingClaim(
  vendor: Vendor,
  user: User,
  message: string | null = null,
  createdAt: DateTime = DateTime.now()
) {
  return VendorClaimFactory.merge({
    vendorId: vendor.id,
    userId: user.id,
    message,
    createdAt,
  }).create()
}
