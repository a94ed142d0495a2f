import Vendor from '#models/vendor'
import VendorClaim from '#models/vendor_claim'
import VendorMember from '#models/vendor_member'
import VendorRevision from '#models/vendor_revision'
import { allowedMoves } from '#services/moderation/moderation_service'
import { diffSnapshots, snapshotOf } from '#services/vendor_snapshot'
import { displayValue, revisionDiffRows } from '#services/revision_diff'

/** Everything the revision review page shows. */
export async function revisionReview(revision: VendorRevision) {
  await revision.load('author')
  const vendor = await Vendor.query().where('id', revision.vendorId).preload('topics').firstOrFail()
  const rows = await revisionDiffRows(await snapshotOf(vendor), revision.data)
  return { revision, vendor, rows, changedCount: rows.filter((row) => row.changed).length }
}

/** Everything the vendor page of the editorial area shows. */
export async function vendorReview(vendor: Vendor) {
  await vendor.load('topics', (topics) => topics.orderBy('position', 'asc').orderBy('name', 'asc'))
  const snapshot = await snapshotOf(vendor)
  const names = new Map(vendor.topics.map((topic) => [topic.id, topic.name]))
  const fields = diffSnapshots(snapshot, snapshot).map((change) => ({
    field: change.field,
    value: displayValue(change.field, change.after, names),
  }))
  const [members, revisions, claims] = await Promise.all([
    VendorMember.query().where('vendor_id', vendor.id).preload('user').orderBy('id', 'asc'),
    VendorRevision.query()
      .where('vendor_id', vendor.id)
      .withScopes((scopes) => scopes.pending())
      .orderBy('created_at', 'asc'),
    VendorClaim.query()
      .where('vendor_id', vendor.id)
      .withScopes((scopes) => scopes.pending())
      .preload('user')
      .orderBy('created_at', 'asc'),
  ])
  return {
    vendor,
    fields,
    members,
    revisions,
    claims,
    moves: allowedMoves(vendor.status),
  }
}
