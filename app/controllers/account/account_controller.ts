import { inject } from '@adonisjs/core'
import router from '@adonisjs/core/services/router'
import i18nManager from '@adonisjs/i18n/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import AccountService from '#services/accounts/account_service'
import EditorialPolicy from '#policies/editorial_policy'
import { userSettingsValidator } from '#validators/user_validator'

/** Links to areas whose routes other parts of the app define, if they exist. */
function optionalRoute(name: string) {
  try {
    return router.makeUrl(name)
  } catch {
    return null
  }
}

@inject()
export default class AccountController {
  constructor(private accounts: AccountService) {}

  /** The signed-in home: profile, language, links to the user's areas, privacy. */
  async show({ auth, bouncer, view }: HttpContext) {
    const user = auth.getUserOrFail()
    const memberships = await user.related('memberships').query().preload('vendor')
    return view.render('pages/account/home', {
      user,
      memberships,
      vendorsUrl: optionalRoute('account.vendors.index'),
      editorialUrl: (await bouncer.with(EditorialPolicy).allows('access'))
        ? optionalRoute('editorial.index')
        : null,
    })
  }

  async update({ auth, request, response, session }: HttpContext) {
    const input = await request.validateUsing(userSettingsValidator)
    const user = auth.getUserOrFail()
    await this.accounts.updateSettings(user, input)
    // The notice speaks the language just chosen.
    session.flash('notice', i18nManager.locale(user.locale).t('auth.account.saved'))
    return response.redirect().toRoute('account.home')
  }
}
