import UserLinkMail from '#mails/user_link_mail'

/** The signed confirmation link, sent after sign-up, in the recipient's language. */
export default class VerifyEmailNotification extends UserLinkMail {
  protected subjectKey = 'auth.mail.verify.subject'
  protected view = 'verify_email'
}
