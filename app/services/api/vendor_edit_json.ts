import type { EditOutcome } from '#services/vendors/vendor_editor'

export type VendorEditJson = {
  status: string
  pendingRevision: { id: number; createdAt: string | null; changes: string[] } | null
}

/**
 * The answer of PATCH /api/v1/vendors/:slug. `pendingRevision` is null when
 * the edit went straight onto an unpublished vendor (or changed nothing);
 * for a published vendor it is the revision that waits for review, with the
 * fields in which it differs from the public version.
 */
export function vendorEditJson(outcome: EditOutcome): VendorEditJson {
  return {
    status: outcome.vendor.status,
    pendingRevision: outcome.revision
      ? {
          id: outcome.revision.id,
          createdAt: outcome.revision.createdAt?.toISO() ?? null,
          changes: outcome.changes,
        }
      : null,
  }
}
