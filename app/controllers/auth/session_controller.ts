import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SignInService from '#services/accounts/sign_in_service'
import SessionRevocation from '#services/accounts/session_revocation'
import { pullIntendedUrl } from '#services/accounts/intended_url'
import { sessionStoreValidator } from '#validators/session_validator'
import { throttledMessageKey } from '#services/accounts/login_throttle'

@inject()
export default class SessionController {
  constructor(
    private signIn: SignInService,
    private revocation: SessionRevocation
  ) {}

  async create({ view }: HttpContext) {
    return view.render('pages/auth/login')
  }

  /** Log-in, under the limits of LoginThrottle: a refused attempt answers 429. */
  async store(ctx: HttpContext) {
    const { request, response, session, auth, i18n, view } = ctx
    const { email, password } = await request.validateUsing(sessionStoreValidator)
    const result = await this.signIn.verify(email, password, request.ip())

    if (!result.ok && result.reason === 'throttled') {
      const minutes = Math.ceil(result.retryAfterSeconds / 60)
      response.status(429).header('Retry-After', String(result.retryAfterSeconds))
      return view.render('pages/auth/login', {
        email,
        alert: i18n.t(throttledMessageKey(result.scope), { minutes }),
      })
    }
    if (!result.ok) {
      session.flashOnly(['email'])
      session.flash('alert', i18n.t(`auth.login.${result.reason}`))
      return response.redirect().toRoute('auth.login')
    }

    await auth.use('web').login(result.user)
    const intended = pullIntendedUrl(ctx)
    if (intended) return response.redirect().toPath(intended)
    // Editors and admins start their day at the review queue.
    return response.redirect().toRoute(result.user.isEditor ? 'editorial.queue' : 'account.home')
  }

  /** Log-out ends every session of the user, copies of the cookie included. */
  async destroy({ auth, response }: HttpContext) {
    await this.signOut(auth)
    return response.redirect().toRoute('home')
  }

  /** "Sign out everywhere" on the account page: every device, this one too. */
  async destroyAll({ auth, response, session, i18n }: HttpContext) {
    await this.signOut(auth)
    session.flash('notice', i18n.t('auth.sessions.revoked'))
    return response.redirect().toRoute('auth.login')
  }

  private async signOut(auth: HttpContext['auth']) {
    const user = auth.use('web').user
    await auth.use('web').logout()
    if (user) await this.revocation.revokeAll(user)
  }
}
