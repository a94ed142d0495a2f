import User from '#models/user'

/**
 * Ends every session of a user, copies of the cookie included: sessions
 * remember the generation of their log-in, and the guard refuses an old one
 * (RevocableSessionGuard). A password change and disabling raise it through
 * the User model; log-out and "sign out everywhere" call this.
 */
export default class SessionRevocation {
  async revokeAll(user: User) {
    await User.query().where('id', user.id).increment('session_generation', 1)
    user.sessionGeneration = (user.sessionGeneration ?? 0) + 1
  }
}
