import Topic from '#models/topic'
import type User from '#models/user'
import type Vendor from '#models/vendor'
import VendorClaim from '#models/vendor_claim'
import VendorMember from '#models/vendor_member'
import VendorRevision, { type VendorSnapshot } from '#models/vendor_revision'
import { snapshotOf } from '#services/vendor_snapshot'
import { revisionDiffRows } from '#services/revision_diff'

/**
 * What the account pages show of a member's vendors: read-only queries,
 * so the pages and the rules (vendor_editor.ts) stay apart.
 */
export default class VendorAccount {
  /** The user's vendors with their role and whether a revision waits for review. */
  async overview(user: User) {
    const memberships = await VendorMember.query()
      .where('user_id', user.id)
      .preload('vendor')
      .orderBy('created_at', 'asc')
    const vendorIds = memberships.map((membership) => membership.vendorId)
    const pending = vendorIds.length
      ? await VendorRevision.query()
          .whereIn('vendor_id', vendorIds)
          .withScopes((scopes) => scopes.pending())
          .select('vendor_id')
      : []
    const withPending = new Set(pending.map((revision) => revision.vendorId))
    const claims = await VendorClaim.query()
      .where('user_id', user.id)
      .preload('vendor')
      .orderBy('id', 'desc')
    return {
      memberships: memberships.map((membership) => ({
        vendor: membership.vendor,
        role: membership.role,
        hasPendingRevision: withPending.has(membership.vendorId),
      })),
      claims,
    }
  }

  async members(vendor: Vendor) {
    return VendorMember.query()
      .where('vendor_id', vendor.id)
      .preload('user')
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
  }

  /** The user's membership of the vendor, or null. */
  async membership(user: User, vendor: Vendor) {
    return (
      (await VendorMember.query()
        .where('vendor_id', vendor.id)
        .where('user_id', user.id)
        .first()) ?? null
    )
  }

  /** What a vendor's account page shows, for a user allowed to see it (their membership, if any). */
  async page(vendor: Vendor, membership: VendorMember | null) {
    await vendor.load('topics', (query) => query.withScopes((scopes) => scopes.ordered()))
    const [members, revisions] = await Promise.all([this.members(vendor), this.revisions(vendor)])
    const pending = revisions.find((revision) => revision.status === 'pending') ?? null
    const changes = pending ? await this.revisionDiff(vendor, pending) : []
    return { vendor, membership, members, revisions, pending, changes }
  }

  /** Pending and decided revisions, newest first; superseded ones are history nobody decided on. */
  async revisions(vendor: Vendor) {
    return VendorRevision.query()
      .where('vendor_id', vendor.id)
      .whereNot('status', 'superseded')
      .orderBy('id', 'desc')
  }

  /** Topics for the checkboxes, in editorial order. */
  async topicChoices() {
    return Topic.query().withScopes((scopes) => scopes.ordered())
  }

  /** A revision against the vendor as it is public now, field by field, ready to print. */
  async revisionDiff(vendor: Vendor, revision: VendorRevision) {
    return revisionDiffRows(await snapshotOf(vendor), revision.data)
  }

  /** The form's values: the working copy plus the vendor's own identity. */
  formValues(snapshot: VendorSnapshot) {
    return { ...snapshot, topicIds: snapshot.topicIds.map(String) }
  }
}
