import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { appKey } from '#config/app'
import PrivacyService from '#services/accounts/privacy_service'
import { userDeleteValidator } from '#validators/user_validator'
import AccountPolicy from '#policies/account_policy'

@inject()
export default class PrivacyController {
  constructor(private privacy: PrivacyService) {}

  /** All of the user's data as a JSON download. */
  async export({ auth, bouncer, response }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(AccountPolicy).authorize('manage', user)
    const data = await this.privacy.export(user)
    response.header(
      'Content-Disposition',
      'attachment; filename="anbieterverzeichnis-meine-daten.json"'
    )
    response.header('Cache-Control', 'no-store')
    return response.json(data)
  }

  /** Deletes the account after the password is confirmed, then logs out. */
  async destroy({ auth, bouncer, request, response, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(AccountPolicy).authorize('manage', user)
    await request.validateUsing(userDeleteValidator, { meta: { user } })
    await this.privacy.deleteAccount(user, appKey.release())
    await auth.use('web').logout()
    session.flash('notice', i18n.t('auth.privacy.deleted'))
    return response.redirect().toRoute('auth.login')
  }
}
