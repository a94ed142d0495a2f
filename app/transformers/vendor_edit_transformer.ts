import { BaseTransformer } from '@adonisjs/core/transformers'
import type { EditOutcome } from '#services/vendors/vendor_editor'

/**
 * The answer of `PATCH /api/v1/vendors/:slug`. `pendingRevision` is null
 * when the edit went straight onto an unpublished vendor (or changed
 * nothing); for a published vendor it is the revision that waits for
 * review, with the fields in which it differs from the public version.
 */
export default class VendorEditTransformer extends BaseTransformer<EditOutcome> {
  toObject() {
    const { vendor, revision, changes } = this.resource
    return {
      status: vendor.status,
      pendingRevision: revision
        ? { id: revision.id, createdAt: revision.createdAt?.toISO() ?? null, changes }
        : null,
    }
  }
}
