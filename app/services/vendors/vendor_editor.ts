import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Vendor from '#models/vendor'
import Topic from '#models/topic'
import VendorMember from '#models/vendor_member'
import VendorRevision, { type VendorSnapshot } from '#models/vendor_revision'
import type User from '#models/user'
import DomainError from '#exceptions/domain_error'
import AuditService from '#services/audit_service'
import LogoService, { type LogoUpload } from '#services/vendors/logo_service'
import {
  applySnapshot,
  diffSnapshots,
  snapshotOf,
  type SnapshotField,
} from '#services/vendor_snapshot'
import { uniqueSlug } from '#services/slug'
import {
  vendorAttributes,
  type VendorInput,
  type VendorPatchInput,
} from '#validators/vendor_validator'

/** Statuses whose vendor row is not public yet: edits go straight onto it. */
const UNPUBLISHED_EDITABLE = ['draft', 'pending', 'rejected'] as const

export type EditOutcome = {
  vendor: Vendor
  /** The pending revision that holds the edits (published vendors), else null. */
  revision: VendorRevision | null
  /** Fields that now differ from the public (or, for drafts, the previous) version. */
  changes: SnapshotField[]
  /** A logo key that nothing refers to any more; delete the file after the commit. */
  orphanedLogo: string | null
}

/**
 * The rules of self-service editing:
 * - a vendor that is not public yet (draft, pending, rejected) is edited
 *   in place; a rejected one goes back to draft;
 * - a published vendor keeps its public row: the edits go into a pending
 *   revision with the full snapshot, which replaces an older pending one.
 *   An editor applies it with applySnapshot().
 */
@inject()
export default class VendorEditor {
  constructor(
    private audit: AuditService,
    private logos: LogoService
  ) {}

  /** A new draft; the author becomes its owner. */
  async create(author: User, input: VendorInput): Promise<Vendor> {
    return db.transaction(async (trx) => {
      const vendor = await Vendor.create(
        {
          ...vendorAttributes(input),
          slug: await uniqueSlug(input.name, trx),
          status: 'draft',
          searchText: '',
        },
        { client: trx }
      )
      await applySnapshot(
        vendor,
        { ...(await this.snapshot(vendor, trx)), topicIds: input.topicIds },
        trx
      )
      await VendorMember.create(
        { vendorId: vendor.id, userId: author.id, role: 'owner' },
        { client: trx }
      )
      await this.audit.record(
        author,
        {
          action: 'vendor.created',
          subjectType: 'vendor',
          subjectId: vendor.id,
          vendorId: vendor.id,
        },
        trx
      )
      return vendor
    })
  }

  /**
   * The snapshot a member edits: the pending revision if there is one (so
   * that a second edit builds on the first), else the vendor as it is.
   */
  async workingCopy(vendor: Vendor): Promise<VendorSnapshot> {
    const pending = await this.pendingRevision(vendor)
    return pending?.data ?? (await snapshotOf(vendor))
  }

  async pendingRevision(vendor: Vendor, trx?: TransactionClientContract) {
    return VendorRevision.query({ client: trx })
      .where('vendor_id', vendor.id)
      .withScopes((scopes) => scopes.pending())
      .orderBy('id', 'desc')
      .first()
  }

  /** The account form's edits: every profile field and the topics (the logo stays). */
  async update(author: User, vendor: Vendor, input: VendorInput) {
    return this.edit(author, vendor, { ...vendorAttributes(input), topicIds: input.topicIds })
  }

  /** The API's partial edits: only the given fields change; null clears an optional one. */
  async patch(author: User, vendor: Vendor, input: VendorPatchInput) {
    const edits: Partial<VendorSnapshot> = {}
    for (const [field, value] of Object.entries(input) as [keyof VendorPatchInput, unknown][]) {
      if (value === undefined) continue
      if (field === 'description') edits.description = (value as string | null) ?? ''
      else if (field === 'country') edits.country = (value as string | null) ?? 'DE'
      else if (field !== 'topics') Object.assign(edits, { [field]: value })
    }
    // Topics by slug (as the API names them) win over topicIds.
    if (input.topics) {
      const topics = await Topic.query().whereIn('slug', input.topics).select('id')
      edits.topicIds = topics.map((topic) => topic.id)
    }
    return this.edit(author, vendor, edits)
  }

  /**
   * A new logo or none. A file that nothing refers to any more is deleted
   * after the commit; so is the new one if the edit is refused.
   */
  async setLogo(author: User, vendor: Vendor, upload: LogoUpload | null) {
    const key = upload ? await this.logos.store(vendor.id, upload) : null
    const outcome = await this.edit(author, vendor, { logoPath: key }).catch(async (error) => {
      await this.logos.remove(key)
      throw error
    })
    await this.logos.remove(outcome.orphanedLogo)
    return outcome
  }

  /** Applies edits by the rules above, in one transaction. */
  async edit(author: User, vendor: Vendor, edits: Partial<VendorSnapshot>): Promise<EditOutcome> {
    return db.transaction(async (trx) => {
      const current = await Vendor.lockedById(vendor.id, trx).firstOrFail()
      if (current.status === 'published') return this.propose(author, current, edits, trx)
      if (!(UNPUBLISHED_EDITABLE as readonly string[]).includes(current.status)) {
        throw new DomainError('vendor_account.errors.not_editable')
      }

      const before = await this.snapshot(current, trx)
      const after = normalized({ ...before, ...edits })
      if (current.status === 'rejected') current.status = 'draft'
      await applySnapshot(current, after, trx)
      // A revision left from before an unpublish would otherwise overwrite these edits later.
      await this.supersedePending(current, trx)
      return {
        vendor: current,
        revision: null,
        changes: changedFields(before, after),
        orphanedLogo:
          before.logoPath && before.logoPath !== after.logoPath ? before.logoPath : null,
      }
    })
  }

  /** Draft or rejected → pending: the vendor enters the editorial queue. */
  async submit(author: User, vendor: Vendor): Promise<Vendor> {
    return db.transaction(async (trx) => {
      const current = await Vendor.lockedById(vendor.id, trx).firstOrFail()
      if (!['draft', 'rejected'].includes(current.status)) {
        throw new DomainError('vendor_account.errors.not_submittable')
      }
      current.merge({ status: 'pending', submittedAt: DateTime.now(), rejectionReason: null })
      await current.save()
      await this.audit.record(
        author,
        {
          action: 'vendor.submitted',
          subjectType: 'vendor',
          subjectId: current.id,
          vendorId: current.id,
        },
        trx
      )
      return current
    })
  }

  /**
   * A published vendor: the public row stays as it is. The edits, on top of
   * the newest pending revision, become one new pending revision with the
   * full snapshot; older pending ones are superseded. Edits that lead back
   * to the public version leave no pending revision.
   */
  private async propose(
    author: User,
    vendor: Vendor,
    edits: Partial<VendorSnapshot>,
    trx: TransactionClientContract
  ): Promise<EditOutcome> {
    const published = await this.snapshot(vendor, trx)
    const pending = await this.pendingRevision(vendor, trx)
    const after = normalized({ ...(pending?.data ?? published), ...edits })
    const changes = changedFields(published, after)

    if (pending && changedFields(pending.data, after).length === 0) {
      return { vendor, revision: pending, changes, orphanedLogo: null }
    }

    const replacedLogo =
      pending && pending.data.logoPath !== after.logoPath ? pending.data.logoPath : null
    const orphanedLogo = replacedLogo && replacedLogo !== published.logoPath ? replacedLogo : null

    await this.supersedePending(vendor, trx)

    if (changes.length === 0) return { vendor, revision: null, changes, orphanedLogo }

    const revision = await VendorRevision.create(
      { vendorId: vendor.id, authorId: author.id, data: after, status: 'pending' },
      { client: trx }
    )
    // Read back, so the API reports created_at as stored (SQLite keeps whole seconds).
    await revision.refresh()
    await this.audit.record(
      author,
      {
        action: 'revision.created',
        subjectType: 'revision',
        subjectId: revision.id,
        vendorId: vendor.id,
        after: { changes },
      },
      trx
    )
    return { vendor, revision, changes, orphanedLogo }
  }

  private async supersedePending(vendor: Vendor, trx: TransactionClientContract) {
    const pending = await VendorRevision.query({ client: trx })
      .where('vendor_id', vendor.id)
      .withScopes((scopes) => scopes.pending())
    for (const revision of pending) {
      revision.status = 'superseded'
      await revision.save()
    }
  }

  /** snapshotOf() with the topics read through the transaction. */
  private async snapshot(vendor: Vendor, trx: TransactionClientContract) {
    vendor.useTransaction(trx)
    await vendor.load('topics')
    return snapshotOf(vendor)
  }
}

function normalized(snapshot: VendorSnapshot): VendorSnapshot {
  return { ...snapshot, topicIds: [...new Set(snapshot.topicIds)].sort((a, b) => a - b) }
}

function changedFields(before: VendorSnapshot, after: VendorSnapshot): SnapshotField[] {
  return diffSnapshots(before, after)
    .filter((change) => change.changed)
    .map((change) => change.field)
}
