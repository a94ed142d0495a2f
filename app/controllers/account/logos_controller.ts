import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import VendorPolicy from '#policies/vendor_policy'
import VendorEditor from '#services/vendors/vendor_editor'
import { logoUploadOf } from '#services/vendors/logo_service'
import { findAccountVendor } from '#services/accounts/account_vendor'

/** A vendor's logo: for a published vendor it waits in a revision like any other edit. */
@inject()
export default class LogosController {
  constructor(private editor: VendorEditor) {}

  async store({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    const vendor = await findAccountVendor(bouncer, params.id)
    await bouncer.with(VendorPolicy).authorize('edit', vendor)
    const upload = await logoUploadOf(request.file('logo'))
    const outcome = await this.editor.setLogo(auth.getUserOrFail(), vendor, upload)
    session.flash(
      'notice',
      i18n.t(`vendor_account.flash.${outcome.revision ? 'logo_revision' : 'logo_saved'}`)
    )
    return response.redirect().toRoute('account.vendors.show', { id: vendor.id })
  }

  async destroy({ auth, bouncer, params, response, session, i18n }: HttpContext) {
    const vendor = await findAccountVendor(bouncer, params.id)
    await bouncer.with(VendorPolicy).authorize('edit', vendor)
    const outcome = await this.editor.setLogo(auth.getUserOrFail(), vendor, null)
    session.flash(
      'notice',
      i18n.t(`vendor_account.flash.${outcome.revision ? 'logo_revision' : 'logo_removed'}`)
    )
    return response.redirect().toRoute('account.vendors.show', { id: vendor.id })
  }
}
