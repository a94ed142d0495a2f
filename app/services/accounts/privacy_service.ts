import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import Vendor from '#models/vendor'
import VendorMember from '#models/vendor_member'
import VendorClaim from '#models/vendor_claim'
import VendorRevision from '#models/vendor_revision'
import VendorInvitation from '#models/vendor_invitation'
import AuditLog from '#models/audit_log'
import UserToken from '#models/user_token'
import AuditService from '#services/audit_service'

/**
 * The account holder's rights: a copy of their data, and deletion that
 * leaves no personal data behind.
 */
export default class PrivacyService {
  /** Everything stored about the user, as plain JSON (no password hash, no token hashes). */
  async export(user: User) {
    const [memberships, claims, revisions, invitations, auditEntries, accessTokens, resetTokens] =
      await Promise.all([
        VendorMember.query().where('user_id', user.id).preload('vendor').orderBy('id'),
        VendorClaim.query().where('user_id', user.id).preload('vendor').orderBy('id'),
        VendorRevision.query().where('author_id', user.id).preload('vendor').orderBy('id'),
        VendorInvitation.query().where('invited_by_id', user.id).preload('vendor').orderBy('id'),
        AuditLog.query().where('actor_id', user.id).orderBy('id'),
        db
          .from('auth_access_tokens')
          .where('tokenable_id', user.id)
          .select('name', 'created_at', 'last_used_at', 'expires_at')
          .orderBy('id'),
        UserToken.query().where('user_id', user.id).orderBy('id'),
      ])

    const vendorRef = (vendor: Vendor) => ({ slug: vendor.slug, name: vendor.name })
    return {
      exportedAt: new Date().toISOString(),
      profile: {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        locale: user.locale,
        emailVerifiedAt: user.emailVerifiedAt?.toISO() ?? null,
        disabledAt: user.disabledAt?.toISO() ?? null,
        createdAt: user.createdAt.toISO(),
        updatedAt: user.updatedAt.toISO(),
      },
      memberships: memberships.map((m) => ({
        vendor: vendorRef(m.vendor),
        role: m.role,
        createdAt: m.createdAt.toISO(),
      })),
      claims: claims.map((c) => ({
        vendor: vendorRef(c.vendor),
        message: c.message,
        status: c.status,
        reason: c.reason,
        createdAt: c.createdAt.toISO(),
        decidedAt: c.decidedAt?.toISO() ?? null,
      })),
      revisions: revisions.map((r) => ({
        id: r.id,
        vendor: vendorRef(r.vendor),
        status: r.status,
        reason: r.reason,
        data: r.data,
        createdAt: r.createdAt.toISO(),
        decidedAt: r.decidedAt?.toISO() ?? null,
      })),
      invitationsSent: invitations.map((i) => ({
        vendor: vendorRef(i.vendor),
        email: i.email,
        role: i.role,
        createdAt: i.createdAt.toISO(),
        acceptedAt: i.acceptedAt?.toISO() ?? null,
      })),
      auditEntries: auditEntries.map((entry) => ({
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        vendorId: entry.vendorId,
        before: entry.before,
        after: entry.after,
        createdAt: entry.createdAt.toISO(),
      })),
      apiTokens: accessTokens.map((token: Record<string, unknown>) => ({
        name: token.name ?? null,
        createdAt: token.created_at ?? null,
        lastUsedAt: token.last_used_at ?? null,
        expiresAt: token.expires_at ?? null,
      })),
      passwordResets: resetTokens.map((token) => ({
        createdAt: token.createdAt.toISO(),
        expiresAt: token.expiresAt.toISO(),
        usedAt: token.usedAt?.toISO() ?? null,
      })),
    }
  }

  /**
   * Deletes the account in one transaction. Memberships, claims, tokens and
   * invitations addressed to the user go; proposed revisions stay without
   * an author; the audit log keeps its entries under a pseudonym. Vendors
   * the user alone belonged to and that were never published go too;
   * published ones stay, without members, and can be claimed again.
   */
  async deleteAccount(user: User, secret: string) {
    await db.transaction(async (trx) => {
      const pseudonym = AuditService.pseudonymFor(user.id, secret)
      await new AuditService().pseudonymize(user, secret, trx)
      await this.#scrubAuditSubject(user, pseudonym, trx)
      await this.#deleteOrphanDrafts(user, trx)

      await VendorRevision.query({ client: trx })
        .where('author_id', user.id)
        .update({ authorId: null })
      await VendorRevision.query({ client: trx })
        .where('decided_by_id', user.id)
        .update({ decidedById: null })
      await VendorClaim.query({ client: trx })
        .where('decided_by_id', user.id)
        .update({ decidedById: null })
      await VendorClaim.query({ client: trx }).where('user_id', user.id).delete()
      await VendorInvitation.query({ client: trx })
        .where('invited_by_id', user.id)
        .update({ invitedById: null })
      await VendorInvitation.query({ client: trx }).where('email', user.email).delete()
      await VendorMember.query({ client: trx }).where('user_id', user.id).delete()
      await UserToken.query({ client: trx }).where('user_id', user.id).delete()
      await trx.from('auth_access_tokens').where('tokenable_id', user.id).delete()
      await User.query({ client: trx }).where('id', user.id).delete()
    })
  }

  /** Entries about the user (role changes, disabling) keep no name or address of theirs. */
  async #scrubAuditSubject(user: User, pseudonym: string, trx: TransactionClientContract) {
    const entries = await AuditLog.query({ client: trx })
      .where('subject_type', 'user')
      .where('subject_id', user.id)
    const personal = new Set([user.email, user.name])
    const scrub = (values: Record<string, unknown> | null) =>
      values &&
      Object.fromEntries(
        Object.entries(values).map(([key, value]) => [
          key,
          typeof value === 'string' && personal.has(value) ? pseudonym : value,
        ])
      )
    for (const entry of entries) {
      entry.merge({ before: scrub(entry.before), after: scrub(entry.after) })
      await entry.useTransaction(trx).save()
    }
  }

  async #deleteOrphanDrafts(user: User, trx: TransactionClientContract) {
    const others = trx
      .from('vendor_members as other')
      .whereRaw('other.vendor_id = vendors.id')
      .whereNot('other.user_id', user.id)
    await Vendor.query({ client: trx })
      .whereNull('published_at')
      .whereIn('status', ['draft', 'pending', 'rejected'])
      .whereIn('id', trx.from('vendor_members').where('user_id', user.id).select('vendor_id'))
      .whereNotExists(others)
      .delete()
  }
}
