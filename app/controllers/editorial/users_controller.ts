import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import EditorialPolicy from '#policies/editorial_policy'
import { USER_ROLES } from '#models/user'
import { listUsers } from '#queries/editorial_listing'
import UserAdminService from '#services/moderation/user_admin_service'
import { userRoleValidator } from '#validators/editorial_validator'

@inject()
export default class UsersController {
  constructor(private users: UserAdminService) {}

  /** Every account: editors and admins first, then by name. Admins only. */
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(EditorialPolicy).authorize('manageUsers')
    const page = Math.max(1, Number.parseInt(String(request.input('page', 1)), 10) || 1)
    const users = await listUsers(page)
    return view.render('pages/editorial/users/index', { users, roles: USER_ROLES })
  }

  async role({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    await bouncer.with(EditorialPolicy).authorize('manageUsers')
    const { role } = await request.validateUsing(userRoleValidator)
    const user = await this.users.changeRole(auth.user!, params.id, role)
    session.flash('notice', i18n.t('editorial.notices.user_role', { name: user.name }))
    return response.redirect().toRoute('editorial.users.index')
  }

  async disable(ctx: HttpContext) {
    return this.setDisabled(ctx, true)
  }

  async enable(ctx: HttpContext) {
    return this.setDisabled(ctx, false)
  }

  private async setDisabled(
    { auth, bouncer, params, response, session, i18n }: HttpContext,
    disabled: boolean
  ) {
    await bouncer.with(EditorialPolicy).authorize('manageUsers')
    const user = await this.users.setDisabled(auth.user!, params.id, disabled)
    const key = disabled ? 'user_disabled' : 'user_enabled'
    session.flash('notice', i18n.t(`editorial.notices.${key}`, { name: user.name }))
    return response.redirect().toRoute('editorial.users.index')
  }
}
