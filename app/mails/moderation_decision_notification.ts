import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type User from '#models/user'

export const DECISION_KINDS = [
  'vendor_approved',
  'vendor_rejected',
  'vendor_published',
  'vendor_unpublished',
  'vendor_archived',
  'revision_approved',
  'revision_rejected',
  'claim_granted',
  'claim_refused',
] as const
export type DecisionKind = (typeof DECISION_KINDS)[number]

/**
 * An editorial decision about a vendor, told to its members (or to the
 * claimant), in the recipient's language. `reason` is the editor's text
 * for a rejection or refusal.
 */
export default class ModerationDecisionNotification extends BaseMail {
  constructor(
    public user: User,
    public kind: DecisionKind,
    public details: { vendorName: string; url: string; reason?: string | null }
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.user.locale)
    const subject = i18n.t(`editorial.mail.${this.kind}.subject`, {
      vendor: this.details.vendorName,
    })
    const data = {
      i18n,
      user: this.user,
      kind: this.kind,
      subject,
      vendorName: this.details.vendorName,
      reason: this.details.reason ?? null,
      url: this.details.url,
    }
    this.message
      .to(this.user.email, this.user.name)
      .subject(subject)
      .htmlView('emails/editorial/decision', data)
      .textView('emails/editorial/decision_text', data)
  }
}
