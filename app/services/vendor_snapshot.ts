import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Vendor from '#models/vendor'
import { profileOf, VENDOR_PROFILE_FIELDS } from '#models/vendor'
import type { VendorSnapshot } from '#models/vendor_revision'
import { refreshSearchText } from '#services/search/search_index'
import { assignVendorCoordinates } from '#services/geo/postal_code_store'

export const SNAPSHOT_FIELDS = [
  ...VENDOR_PROFILE_FIELDS,
  'logoPath',
  'topicIds',
] as const satisfies readonly (keyof VendorSnapshot)[]

export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number]

/** Every public field of a vendor (topics preloaded), as a revision stores it. */
export async function snapshotOf(vendor: Vendor): Promise<VendorSnapshot> {
  if (!vendor.$preloaded.topics) await vendor.load('topics')
  return {
    ...profileOf(vendor),
    logoPath: vendor.logoPath,
    topicIds: vendor.topics.map((topic) => topic.id).sort((a, b) => a - b),
  }
}

export type FieldChange = {
  field: SnapshotField
  before: unknown
  after: unknown
  changed: boolean
}

/** Field-by-field comparison of two snapshots, in form order. */
export function diffSnapshots(before: VendorSnapshot, after: VendorSnapshot): FieldChange[] {
  return SNAPSHOT_FIELDS.map((field) => {
    const a = field === 'topicIds' ? [...before.topicIds].sort((x, y) => x - y) : before[field]
    const b = field === 'topicIds' ? [...after.topicIds].sort((x, y) => x - y) : after[field]
    return {
      field,
      before: a,
      after: b,
      changed: JSON.stringify(a ?? null) !== JSON.stringify(b ?? null),
    }
  })
}

/**
 * Writes a snapshot onto the vendor row and its topic links, then brings the
 * search text and coordinates along. Runs inside the caller's transaction.
 */
export async function applySnapshot(
  vendor: Vendor,
  snapshot: VendorSnapshot,
  trx: TransactionClientContract
) {
  const { topicIds, ...fields } = snapshot
  vendor.useTransaction(trx)
  vendor.merge(fields)
  if (vendor.$dirty.postalCode) {
    // The old coordinate belongs to the old code; assignVendorCoordinates sets the new one.
    vendor.merge({ latitude: null, longitude: null })
  }
  await vendor.save()
  await vendor.related('topics').sync(topicIds, true, trx)
  await refreshSearchText([vendor.id], trx)
  await assignVendorCoordinates(trx, [vendor.id])
}
