import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import Topic from '#models/topic'
import Vendor, { type VendorStatus } from '#models/vendor'
import VendorClaim from '#models/vendor_claim'
import { lockedById } from '#models/locked_by_id'
import VendorMember from '#models/vendor_member'
import VendorRevision, { type VendorSnapshot } from '#models/vendor_revision'
import type { AuditAction } from '#models/audit_log'
import AuditService from '#services/audit_service'
import LogoService from '#services/vendors/logo_service'
import { appUrl } from '#services/mail/app_url'
import { applySnapshot, diffSnapshots, snapshotOf } from '#services/vendor_snapshot'
import { refreshSearchText } from '#services/search/search_index'
import { assignVendorCoordinates } from '#services/geo/postal_code_store'
import DomainError, { type RefusalKey } from '#exceptions/domain_error'
import ModerationDecisionNotification, {
  type DecisionKind,
} from '#mails/moderation_decision_notification'

/** Which status moves the vendor management allows, and from where. */
const STATUS_MOVES = {
  publish: { from: ['draft', 'rejected', 'archived'], to: 'published' },
  unpublish: { from: ['published'], to: 'draft' },
  archive: { from: ['draft', 'pending', 'published', 'rejected'], to: 'archived' },
} as const satisfies Record<string, { from: readonly VendorStatus[]; to: VendorStatus }>

export type StatusMove = keyof typeof STATUS_MOVES

/** Which of publish, unpublish and archive a vendor in this status allows. */
export function allowedMoves(status: VendorStatus): Record<StatusMove, boolean> {
  const allows = (move: StatusMove) =>
    (STATUS_MOVES[move].from as readonly VendorStatus[]).includes(status)
  return { publish: allows('publish'), unpublish: allows('unpublish'), archive: allows('archive') }
}

const MAIL_OF_MOVE: Record<StatusMove, DecisionKind> = {
  publish: 'vendor_published',
  unpublish: 'vendor_unpublished',
  archive: 'vendor_archived',
}

/** A row an editor decides on: a vendor, a revision or a claim. */
type DecisionRow = { id: number; status: string }

/** How a decision's row is locked, and how the audit log names it. */
type Subject<Row extends DecisionRow> = {
  type: 'vendor' | 'revision' | 'claim'
  lock: (id: number, trx: TransactionClientContract) => Promise<Row>
  vendorIdOf: (row: Row) => number
}

/** The statuses a decision may start from, and the refusal otherwise. */
type Expected = { from: readonly string[]; refusal: RefusalKey }

const PENDING: Expected = { from: ['pending'], refusal: 'editorial.errors.not_pending' }

/** What a decision changed, for the audit log, and what follows once it is committed. */
type Decided = {
  action: AuditAction
  before?: Record<string, unknown>
  after: Record<string, unknown>
  afterCommit: () => Promise<unknown>
}

/**
 * The rules of every editorial decision. Each one runs in one transaction
 * with its audit entry (who, what, before/after), and the people concerned
 * get an e-mail once it is committed.
 */
@inject()
export default class ModerationService {
  constructor(
    private audit: AuditService,
    private logos: LogoService
  ) {}

  /* ------------------------------------------------------------------------ */
  /* New vendors                                                               */
  /* ------------------------------------------------------------------------ */

  async approveVendor(editor: User, vendorId: number) {
    return this.#decide(editor, VENDOR, vendorId, PENDING, async (vendor, trx) => {
      vendor.merge({ status: 'published', publishedAt: DateTime.now(), rejectionReason: null })
      await vendor.save()
      await this.#refreshIndex(vendor, trx)
      return {
        action: 'vendor.approve',
        after: { status: 'published' },
        afterCommit: () => this.#notifyMembers(vendor, 'vendor_approved'),
      }
    })
  }

  async rejectVendor(editor: User, vendorId: number, reason: string) {
    return this.#decide(editor, VENDOR, vendorId, PENDING, async (vendor) => {
      vendor.merge({ status: 'rejected', rejectionReason: reason })
      await vendor.save()
      return {
        action: 'vendor.reject',
        after: { status: 'rejected', reason },
        afterCommit: () => this.#notifyMembers(vendor, 'vendor_rejected', { reason }),
      }
    })
  }

  /* ------------------------------------------------------------------------ */
  /* Revisions of published vendors                                            */
  /* ------------------------------------------------------------------------ */

  /** Writes every field of the revision onto the vendor: the public page shows it from now on. */
  async approveRevision(editor: User, revisionId: number) {
    return this.#decide(editor, REVISION, revisionId, PENDING, async (revision, trx) => {
      const vendor = await lockVendor(revision.vendorId, trx)
      const previousLogo = vendor.logoPath
      const published = await snapshotOf(vendor)
      const changes = diffSnapshots(published, revision.data).filter((change) => change.changed)
      await applySnapshot(vendor, revision.data, trx)
      revision.merge({ status: 'approved', decidedById: editor.id, decidedAt: DateTime.now() })
      await revision.save()
      return {
        action: 'revision.approve',
        before: await auditFields(changes, 'before', trx),
        after: await auditFields(changes, 'after', trx),
        afterCommit: async () => {
          // The old public logo is referred to by nothing any more.
          if (previousLogo !== revision.data.logoPath) await this.logos.remove(previousLogo)
          await this.#notifyMembers(vendor, 'revision_approved', { author: revision.authorId })
        },
      }
    })
  }

  /** The vendor keeps its published version. */
  async rejectRevision(editor: User, revisionId: number, reason: string) {
    return this.#decide(editor, REVISION, revisionId, PENDING, async (revision, trx) => {
      revision.merge({
        status: 'rejected',
        reason,
        decidedById: editor.id,
        decidedAt: DateTime.now(),
      })
      await revision.save()
      const vendor = await Vendor.findOrFail(revision.vendorId, { client: trx })
      return {
        action: 'revision.reject',
        after: { status: 'rejected', reason },
        afterCommit: async () => {
          // A logo uploaded only for this revision is referred to by nothing any more.
          const logo = revision.data.logoPath
          if (logo !== vendor.logoPath) await this.logos.remove(logo)
          await this.#notifyMembers(vendor, 'revision_rejected', {
            reason,
            author: revision.authorId,
          })
        },
      }
    })
  }

  /* ------------------------------------------------------------------------ */
  /* Claims of vendors without members                                         */
  /* ------------------------------------------------------------------------ */

  /** The claimant becomes an owner of the vendor. */
  async grantClaim(editor: User, claimId: number) {
    return this.#decide(editor, CLAIM, claimId, PENDING, async (claim, trx) => {
      await VendorMember.updateOrCreate(
        { vendorId: claim.vendorId, userId: claim.userId },
        { role: 'owner' },
        { client: trx }
      )
      claim.merge({ status: 'granted', decidedById: editor.id, decidedAt: DateTime.now() })
      await claim.save()
      return {
        action: 'claim.grant',
        after: { status: 'granted', userId: claim.userId, role: 'owner' },
        afterCommit: () => this.#notifyClaimant(claim, 'claim_granted'),
      }
    })
  }

  async refuseClaim(editor: User, claimId: number, reason: string) {
    return this.#decide(editor, CLAIM, claimId, PENDING, async (claim) => {
      claim.merge({ status: 'refused', reason, decidedById: editor.id, decidedAt: DateTime.now() })
      await claim.save()
      return {
        action: 'claim.refuse',
        after: { status: 'refused', reason },
        afterCommit: () => this.#notifyClaimant(claim, 'claim_refused', reason),
      }
    })
  }

  /* ------------------------------------------------------------------------ */
  /* Vendor management                                                         */
  /* ------------------------------------------------------------------------ */

  /**
   * publish: out of draft, rejected or archived, without review (pending
   * vendors are approved through the queue). unpublish: back to draft, so
   * the owner can resubmit. archive: hidden and kept.
   */
  async moveVendor(editor: User, vendorId: number, move: StatusMove) {
    const rule = STATUS_MOVES[move]
    const expected = { from: rule.from, refusal: 'editorial.errors.wrong_status' } as const
    return this.#decide(editor, VENDOR, vendorId, expected, async (vendor, trx) => {
      vendor.status = rule.to
      if (rule.to === 'published') {
        vendor.merge({ publishedAt: vendor.publishedAt ?? DateTime.now(), rejectionReason: null })
      }
      await vendor.save()
      if (rule.to === 'published') await this.#refreshIndex(vendor, trx)
      return {
        action: `vendor.${move}`,
        after: { status: rule.to },
        afterCommit: () => this.#notifyMembers(vendor, MAIL_OF_MOVE[move]),
      }
    })
  }

  /**
   * One editorial decision: in one transaction, lock the row, refuse unless
   * it is in an expected status, apply the change and write the audit entry
   * (before: the status it had, unless the change names its own); mails and
   * files follow once it is committed.
   */
  async #decide<Row extends DecisionRow>(
    editor: User,
    subject: Subject<Row>,
    id: number,
    expected: Expected,
    apply: (row: Row, trx: TransactionClientContract) => Promise<Decided>
  ): Promise<Row> {
    const { row, afterCommit } = await db.transaction(async (trx) => {
      const locked = await subject.lock(id, trx)
      const status = locked.status
      if (!expected.from.includes(status)) throw new DomainError(expected.refusal)
      const decided = await apply(locked, trx)
      await this.audit.record(
        editor,
        {
          action: decided.action,
          subjectType: subject.type,
          subjectId: locked.id,
          vendorId: subject.vendorIdOf(locked),
          before: decided.before ?? { status },
          after: decided.after,
        },
        trx
      )
      return { row: locked, afterCommit: decided.afterCommit }
    })
    await afterCommit()
    return row
  }

  /* ------------------------------------------------------------------------ */

  /** Search text and coordinates follow the row, whoever wrote it last. */
  async #refreshIndex(vendor: Vendor, trx: TransactionClientContract) {
    await refreshSearchText([vendor.id], trx)
    await assignVendorCoordinates(trx, [vendor.id])
  }

  /** Each member gets their own mail; a change is "yours" only for its author. */
  async #notifyMembers(
    vendor: Vendor,
    kind: DecisionKind,
    about: { reason?: string; author?: number | null } = {}
  ) {
    const members = await VendorMember.query().where('vendor_id', vendor.id).preload('user')
    const author = about.author ? await User.find(about.author) : null
    const changedBy = author ? { id: author.id, name: author.name } : null
    for (const member of members) {
      await this.#send(member.user, kind, vendor, about.reason, changedBy)
    }
  }

  async #notifyClaimant(claim: VendorClaim, kind: DecisionKind, reason?: string) {
    await claim.load('user')
    await claim.load('vendor')
    await this.#send(claim.user, kind, claim.vendor, reason)
  }

  /**
   * Sent after the commit: a mail server that fails does not undo the
   * decision; it is logged instead.
   */
  async #send(
    user: User,
    kind: DecisionKind,
    vendor: Vendor,
    reason?: string,
    author?: { id: number; name: string } | null
  ) {
    try {
      await mail.send(
        new ModerationDecisionNotification(user, kind, {
          vendorName: vendor.name,
          url: decisionUrl(kind, vendor),
          reason: reason ?? null,
          author,
        })
      )
    } catch (error) {
      logger.error({ err: error, kind, vendorId: vendor.id }, 'moderation mail could not be sent')
    }
  }
}

/**
 * Where the mail's button leads, as an absolute URL: after a rejection the
 * entry's edit form (to revise it), else the public page once it is public,
 * else the entry in the account area.
 */
function decisionUrl(kind: DecisionKind, vendor: Vendor) {
  const prefixUrl = appUrl()
  if (kind === 'vendor_rejected' || kind === 'revision_rejected') {
    return urlFor('account.vendors.edit', { id: vendor.id }, { prefixUrl })
  }
  return vendor.status === 'published'
    ? urlFor('vendors.show', { slug: vendor.slug }, { prefixUrl })
    : urlFor('account.vendors.show', { id: vendor.id }, { prefixUrl })
}

/**
 * Changed fields for the audit log; topics by slug, so that the entry
 * stays readable when topics change later.
 */
async function auditFields(
  changes: { field: keyof VendorSnapshot; before: unknown; after: unknown }[],
  side: 'before' | 'after',
  trx: TransactionClientContract
) {
  const fields: Record<string, unknown> = {}
  for (const change of changes) {
    const value = change[side]
    if (change.field === 'topicIds') {
      const topics = await Topic.query({ client: trx })
        .whereIn('id', value as number[])
        .orderBy('slug', 'asc')
      fields.topics = topics.map((topic) => topic.slug)
    } else {
      fields[change.field] = value
    }
  }
  return fields
}

/* Rows are locked on PostgreSQL so that two editors cannot decide the same thing twice. */

async function lockVendor(id: number, trx: TransactionClientContract) {
  return Vendor.lockedById(id, trx).preload('topics').firstOrFail()
}

const VENDOR: Subject<Vendor> = {
  type: 'vendor',
  lock: lockVendor,
  vendorIdOf: (vendor) => vendor.id,
}

const REVISION: Subject<VendorRevision> = {
  type: 'revision',
  lock: (id, trx) => lockedById(VendorRevision, id, trx).firstOrFail(),
  vendorIdOf: (revision) => revision.vendorId,
}

const CLAIM: Subject<VendorClaim> = {
  type: 'claim',
  lock: (id, trx) => lockedById(VendorClaim, id, trx).firstOrFail(),
  vendorIdOf: (claim) => claim.vendorId,
}
