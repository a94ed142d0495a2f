import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SignInService from '#services/accounts/sign_in_service'
import { pullIntendedUrl } from '#services/accounts/intended_url'
import { sessionStoreValidator } from '#validators/session_validator'

@inject()
export default class SessionController {
  constructor(private signIn: SignInService) {}

  async create({ view }: HttpContext) {
    return view.render('pages/auth/login')
  }

  /** Log-in; after 5 failures for one address the form answers 429 for 15 minutes. */
  async store(ctx: HttpContext) {
    const { request, response, session, auth, i18n, view } = ctx
    const { email, password } = await request.validateUsing(sessionStoreValidator)
    const result = await this.signIn.verify(email, password)

    if (!result.ok && result.reason === 'throttled') {
      const minutes = Math.ceil(result.retryAfterSeconds / 60)
      response.status(429).header('Retry-After', String(result.retryAfterSeconds))
      return view.render('pages/auth/login', {
        email,
        alert: i18n.t('auth.login.throttled', { minutes }),
      })
    }
    if (!result.ok) {
      session.flashOnly(['email'])
      session.flash('alert', i18n.t(`auth.login.${result.reason}`))
      return response.redirect().toRoute('auth.login')
    }

    await auth.use('web').login(result.user)
    const intended = pullIntendedUrl(ctx)
    return intended
      ? response.redirect().toPath(intended)
      : response.redirect().toRoute('account.home')
  }

  async destroy({ auth, response }: HttpContext) {
    await auth.use('web').logout()
    return response.redirect().toRoute('home')
  }
}
