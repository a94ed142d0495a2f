import type VendorRevision from '#models/vendor_revision'
import type { QueueItem } from '#services/moderation/moderation_service'

/** A queue entry in the API: what it is, which vendor, who asked and when. */
export function queueItemJson(item: QueueItem) {
  return {
    type: item.type,
    id: item.id,
    vendor: { slug: item.vendor.slug, name: item.vendor.name, status: item.vendor.status },
    submittedAt: item.submittedAt.toUTC().toISO(),
    submittedBy: item.who ? { id: item.who.id, name: item.who.name } : null,
  }
}

/** A revision's state after a decision. */
export function revisionJson(revision: VendorRevision) {
  return {
    id: revision.id,
    vendorId: revision.vendorId,
    status: revision.status,
    reason: revision.reason,
    decidedAt: revision.decidedAt?.toUTC().toISO() ?? null,
  }
}
