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

/** Decisions about someone's change: its author reads "your change", the others whose it was. */
const ABOUT_A_CHANGE: readonly DecisionKind[] = ['revision_approved', 'revision_rejected']

export type DecisionDetails = {
  vendorName: string
  /** Absolute URL of the mail's button. */
  url: string
  reason?: string | null
  /** Who made the change decided on (revisions); null when the account is gone. */
  author?: { id: number; name: string } | null
}

/**
 * An editorial decision about a vendor, told to each of its members (or to
 * the claimant) in their own language and by their own name. A decision on
 * a change says "your change" only to the member who made it.
 */
export default class ModerationDecisionNotification extends BaseMail {
  constructor(
    public user: User,
    public kind: DecisionKind,
    public details: DecisionDetails
  ) {
    super()
  }

  /** The lang key group of this recipient's text: `editorial.mail.<kind>[.others]`. */
  get messageKey() {
    const { author } = this.details
    const byRecipient = author?.id === this.user.id
    return ABOUT_A_CHANGE.includes(this.kind) && !byRecipient
      ? `editorial.mail.${this.kind}.others`
      : `editorial.mail.${this.kind}`
  }

  prepare() {
    const i18n = i18nManager.locale(this.user.locale)
    const values = {
      vendor: this.details.vendorName,
      author: this.details.author?.name ?? i18n.t('editorial.mail.unknown_author'),
    }
    const subject = i18n.t(`${this.messageKey}.subject`, values)
    const data = {
      i18n,
      user: this.user,
      subject,
      body: i18n.t(`${this.messageKey}.body`, values),
      actionLabel: i18n.t(`editorial.mail.${this.kind}.action`),
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
