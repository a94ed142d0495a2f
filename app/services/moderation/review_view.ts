import Topic from '#models/topic'
import Vendor from '#models/vendor'
import VendorClaim from '#models/vendor_claim'
import VendorMember from '#models/vendor_member'
import VendorRevision, { type VendorSnapshot } from '#models/vendor_revision'
import { logoUrl } from '#services/api/vendor_json'
import { allowedMoves } from '#services/moderation/moderation_service'
import { diffSnapshots, snapshotOf, type SnapshotField } from '#services/vendor_snapshot'

/**
 * A field's value as the review pages show it. Every text is printed
 * escaped, the description included (editors see the Markdown source, not
 * rendered HTML); topics by name; the logo as an image.
 */
export type DisplayValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string; multiline: boolean }
  | { kind: 'topics'; names: string[] }
  | { kind: 'logo'; url: string }

export type DiffRow = {
  field: SnapshotField
  before: DisplayValue
  after: DisplayValue
  changed: boolean
}

export function displayValue(
  field: SnapshotField,
  value: unknown,
  topicNames: Map<number, string>
): DisplayValue {
  if (field === 'topicIds') {
    const ids = (value as number[] | null) ?? []
    if (!ids.length) return { kind: 'empty' }
    return { kind: 'topics', names: ids.map((id) => topicNames.get(id) ?? `#${id}`) }
  }
  if (value === null || value === undefined || value === '') return { kind: 'empty' }
  if (field === 'logoPath') {
    const url = logoUrl(String(value))
    return url ? { kind: 'logo', url } : { kind: 'text', text: String(value), multiline: false }
  }
  return { kind: 'text', text: String(value), multiline: field === 'description' }
}

async function topicNamesOf(...lists: number[][]) {
  const ids = [...new Set(lists.flat())]
  const topics = ids.length ? await Topic.query().whereIn('id', ids).select('id', 'name') : []
  return new Map(topics.map((topic) => [topic.id, topic.name]))
}

/** The revision against the vendor's current version, field by field, ready to print. */
export async function revisionDiffRows(
  current: VendorSnapshot,
  proposed: VendorSnapshot
): Promise<DiffRow[]> {
  const names = await topicNamesOf(current.topicIds, proposed.topicIds)
  return diffSnapshots(current, proposed).map((change) => ({
    field: change.field,
    before: displayValue(change.field, change.before, names),
    after: displayValue(change.field, change.after, names),
    changed: change.changed,
  }))
}

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
