import { DateTime } from 'luxon'
import Topic from '#models/topic'
import type User from '#models/user'
import type Vendor from '#models/vendor'
import VendorClaim from '#models/vendor_claim'
import VendorMember, { type MemberRole } from '#models/vendor_member'
import VendorRevision, { type VendorSnapshot } from '#models/vendor_revision'
import { createVendor } from '#tests/helpers/directory'
import { snapshotOf } from '#services/vendor_snapshot'

/** Review data made straight with the models, as self-service would leave it. */

export async function topic(slug: string, name: string, position = 1) {
  return Topic.create({ slug, name, description: '', position })
}

export async function member(vendor: Vendor, user: User, role: MemberRole = 'owner') {
  return VendorMember.create({ vendorId: vendor.id, userId: user.id, role })
}

/** A vendor its owner submitted for review at `submittedAt`. */
export async function pendingVendor(
  owner: User,
  submittedAt: DateTime,
  attributes: Partial<Vendor> = {}
) {
  const vendor = await createVendor({ status: 'pending', submittedAt, ...attributes })
  await member(vendor, owner)
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
  return VendorRevision.create({
    vendorId: vendor.id,
    authorId: author?.id ?? null,
    data,
    status: 'pending',
    createdAt,
  })
}

export async function pendingClaim(
  vendor: Vendor,
  user: User,
  message: string | null = null,
  createdAt: DateTime = DateTime.now()
) {
  return VendorClaim.create({
    vendorId: vendor.id,
    userId: user.id,
    message,
    status: 'pending',
    createdAt,
  })
}
