import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import PasswordResetService from '#services/accounts/password_reset_service'
import { appUrl } from '#services/mail/app_url'
import { afterResponse } from '#services/after_response'
import {
  passwordForgotValidator,
  passwordResetValidator,
} from '#validators/password_reset_validator'

@inject()
export default class PasswordResetController {
  constructor(private resets: PasswordResetService) {}

  async create({ view }: HttpContext) {
    return view.render('pages/auth/forgot_password')
  }

  /**
   * The same answer, in the same time, whether or not the address has an
   * account: looking it up and mailing happen after the response.
   */
  async store(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const { email } = await request.validateUsing(passwordForgotValidator)
    const origin = { baseUrl: appUrl(request), ip: request.ip() }
    afterResponse(ctx, () => this.resets.request(email, origin))
    session.flash('notice', i18n.t('auth.password.sent'))
    return response.redirect().toRoute('auth.password.forgot')
  }

  async edit({ params, view, response }: HttpContext) {
    // The token is in the path: never send it to another site as a referrer.
    response.header('Referrer-Policy', 'same-origin')
    const usable = !!(await this.resets.findUsable(params.token))
    if (!usable) response.status(410)
    return view.render('pages/auth/reset_password', { token: params.token, usable })
  }

  async update({ params, request, response, session, i18n }: HttpContext) {
    const { password } = await request.validateUsing(passwordResetValidator)
    const user = await this.resets.reset(params.token, password, request.ip())
    if (!user) {
      session.flash('alert', i18n.t('auth.password.invalid'))
      return response.redirect().toRoute('auth.password.forgot')
    }
    session.flash('notice', i18n.t('auth.password.done'))
    return response.redirect().toRoute('auth.login')
  }
}
