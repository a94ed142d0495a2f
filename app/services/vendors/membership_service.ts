import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { urlFor } from '@adonisjs/core/services/url_builder'
import mail from '@adonisjs/mail/services/main'
import DomainError from '#exceptions/domain_error'
import User from '#models/user'
import VendorInvitationNotification from '#mails/vendor_invitation_notification'
import type Vendor from '#models/vendor'
import VendorInvitation from '#models/vendor_invitation'
import VendorMember, { type MemberRole } from '#models/vendor_member'
import AuditService from '#services/audit_service'
import { generateToken, hashToken } from '#services/accounts/single_use_token'

export const INVITATION_DAYS = 7

/** Why a membership change is refused; each has its own message (vendor_account.members.errors.*). */
type MembershipProblem = 'already_member' | 'invalid_invitation' | 'wrong_email' | 'last_owner'

function refused(problem: MembershipProblem) {
  return new DomainError(`vendor_account.members.errors.${problem}`)
}

/** The current time as the connection stores timestamps, for comparisons in SQL. */
function now(client: QueryClientContract) {
  return DateTime.now().toFormat(client.dialect.dateTimeFormat)
}

/**
 * Who acts for a vendor. Owners invite colleagues by e-mail and remove
 * them; anyone may leave. A vendor whose last member leaves keeps its
 * public entry and can be claimed again.
 */
@inject()
export default class MembershipService {
  constructor(private audit: AuditService) {}

  /**
   * A new invitation, valid for 7 days. The token only travels in the
   * e-mail; the table holds its SHA-256. An older open invitation of the
   * same address to the same vendor stops working.
   */
  async invite(
    inviter: User,
    vendor: Vendor,
    input: { email: string; role: MemberRole },
    baseUrl: string
  ) {
    const email = input.email.trim().toLowerCase()
    const { invitation, token } = await db.transaction(async (trx) => {
      const existing = await VendorMember.query({ client: trx })
        .where('vendor_id', vendor.id)
        .whereHas('user', (query) => query.where('email', email))
        .first()
      if (existing) throw refused('already_member')

      await VendorInvitation.query({ client: trx })
        .where('vendor_id', vendor.id)
        .where('email', email)
        .whereNull('accepted_at')
        .delete()

      const { token: secret, hash } = generateToken()
      const created = await VendorInvitation.create(
        {
          vendorId: vendor.id,
          invitedById: inviter.id,
          email,
          role: input.role,
          tokenHash: hash,
          expiresAt: DateTime.now().plus({ days: INVITATION_DAYS }),
        },
        { client: trx }
      )
      return { invitation: created, token: secret }
    })

    // After the commit: the link must work when the mail arrives. The mail
    // speaks the recipient's language if they have an account, else the inviter's.
    const recipient = await User.findBy('email', invitation.email)
    const url = urlFor('account.invitations.show', { token }, { prefixUrl: baseUrl })
    await mail.send(
      new VendorInvitationNotification(
        invitation.email,
        recipient?.locale ?? inviter.locale,
        vendor,
        inviter,
        url
      )
    )
    return invitation
  }

  /** The invitation behind a link; refused (404) once it is spent, expired or unknown. */
  async openInvitation(token: string, trx?: TransactionClientContract) {
    const invitation = await VendorInvitation.query({ client: trx })
      .where('token_hash', hashToken(token))
      .whereNull('accepted_at')
      .where('expires_at', '>', now(trx ?? db.connection()))
      .preload('vendor')
      .first()
    if (!invitation) throw refused('invalid_invitation')
    return invitation
  }

  /** Open invitations of a vendor, for its owners' page. */
  async pendingInvitations(vendor: Vendor) {
    return VendorInvitation.query()
      .where('vendor_id', vendor.id)
      .whereNull('accepted_at')
      .where('expires_at', '>', now(db.connection()))
      .orderBy('created_at', 'asc')
  }

  /** The signed-in user whose address was invited joins the vendor. */
  async accept(user: User, token: string): Promise<VendorMember> {
    return db.transaction(async (trx) => {
      const invitation = await this.openInvitation(token, trx)
      if (!invitation.isFor(user)) throw refused('wrong_email')

      invitation.useTransaction(trx)
      invitation.acceptedAt = DateTime.now()
      await invitation.save()

      const existing = await VendorMember.query({ client: trx })
        .where('vendor_id', invitation.vendorId)
        .where('user_id', user.id)
        .first()
      if (existing) return existing

      const member = await VendorMember.create(
        { vendorId: invitation.vendorId, userId: user.id, role: invitation.role },
        { client: trx }
      )
      await this.audit.record(
        user,
        {
          action: 'member.added',
          subjectType: 'vendor',
          subjectId: invitation.vendorId,
          vendorId: invitation.vendorId,
          after: { userId: user.id, role: member.role, invitedById: invitation.invitedById },
        },
        trx
      )
      return member
    })
  }

  /**
   * Removes a member, or lets one leave. The last owner cannot be removed by
   * someone else; when the last owner leaves, the longest-standing remaining
   * member becomes owner, so the vendor is never left with members but no owner.
   */
  async remove(actor: User, member: VendorMember) {
    await db.transaction(async (trx) => {
      const members = await VendorMember.query({ client: trx })
        .where('vendor_id', member.vendorId)
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
      const others = members.filter((one) => one.id !== member.id)
      const lastOwner = member.role === 'owner' && !others.some((one) => one.role === 'owner')
      const leaving = member.userId === actor.id

      if (lastOwner && !leaving) throw refused('last_owner')

      await VendorMember.query({ client: trx }).where('id', member.id).delete()
      let promoted: VendorMember | null = null
      if (lastOwner && others.length > 0) {
        promoted = others[0]
        promoted.useTransaction(trx)
        promoted.role = 'owner'
        await promoted.save()
      }

      await this.audit.record(
        actor,
        {
          action: leaving ? 'member.left' : 'member.removed',
          subjectType: 'vendor',
          subjectId: member.vendorId,
          vendorId: member.vendorId,
          before: { userId: member.userId, role: member.role },
          after: promoted ? { promotedUserId: promoted.userId, role: 'owner' } : null,
        },
        trx
      )
    })
  }
}
