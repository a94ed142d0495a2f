import UserLinkMail from '#mails/user_link_mail'

/**
 * Sent instead of a confirmation when someone signs up with an address that
 * has an account already: the sign-up page answers the same either way, and
 * the owner learns of the attempt, with a link to reset their password.
 */
export default class AccountExistsNotification extends UserLinkMail {
  protected subjectKey = 'auth.mail.exists.subject'
  protected view = 'account_exists'
}
