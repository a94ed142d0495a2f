import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type User from '#models/user'
import type Vendor from '#models/vendor'

/**
 * An invitation to act for a vendor. It goes in the recipient's language
 * when they have an account, else in the inviter's.
 */
export default class VendorInvitationNotification extends BaseMail {
  constructor(
    public email: string,
    public locale: 'de' | 'en',
    public vendor: Vendor,
    public inviter: User,
    public url: string
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.locale)
    const data = {
      i18n,
      url: this.url,
      vendorName: this.vendor.name,
      inviterName: this.inviter.name,
      email: this.email,
    }
    this.message
      .to(this.email)
      .subject(i18n.t('vendor_account.mail.invitation.subject', { vendor: this.vendor.name }))
      .htmlView('emails/vendor_invitation', data)
      .textView('emails/vendor_invitation_text', data)
  }
}
