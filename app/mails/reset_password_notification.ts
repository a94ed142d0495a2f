import UserLinkMail from '#mails/user_link_mail'

/** The single-use password reset link, in the recipient's language. */
export default class ResetPasswordNotification extends UserLinkMail {
  protected subjectKey = 'auth.mail.reset.subject'
  protected view = 'reset_password'
}
