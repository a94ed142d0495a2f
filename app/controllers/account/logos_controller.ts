import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import Vendor from '#models/vendor'
import VendorPolicy from '#policies/vendor_policy'
import VendorEditor from '#services/vendors/vendor_editor'
import LogoService, { LogoRejectedError, logoUploadOf } from '#services/vendors/logo_service'

/** A vendor's logo: for a published vendor it waits in a revision like any other edit. */
@inject()
export default class LogosController {
  constructor(
    private editor: VendorEditor,
    private logos: LogoService
  ) {}

  async store({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    const vendor = await Vendor.findOrFail(params.id)
    await bouncer.with(VendorPolicy).authorize('edit', vendor)
    const key = await this.logos
      .store(vendor.id, await logoUploadOf(request.file('logo')))
      .catch((error) => {
        if (!(error instanceof LogoRejectedError)) throw error
        const message = i18n.t(`vendor_account.logo.errors.${error.problem}`)
        throw new vineErrors.E_VALIDATION_ERROR([{ field: 'logo', message, rule: error.problem }])
      })
    const outcome = await this.editor
      .setLogo(auth.getUserOrFail(), vendor, key)
      .catch(async (error) => {
        await this.logos.remove(key)
        throw error
      })
    await this.logos.remove(outcome.orphanedLogo)
    session.flash(
      'notice',
      i18n.t(`vendor_account.flash.${outcome.revision ? 'logo_revision' : 'logo_saved'}`)
    )
    return response.redirect().toRoute('account.vendors.show', { id: vendor.id })
  }

  async destroy({ auth, bouncer, params, response, session, i18n }: HttpContext) {
    const vendor = await Vendor.findOrFail(params.id)
    await bouncer.with(VendorPolicy).authorize('edit', vendor)
    const outcome = await this.editor.setLogo(auth.getUserOrFail(), vendor, null)
    await this.logos.remove(outcome.orphanedLogo)
    session.flash(
      'notice',
      i18n.t(`vendor_account.flash.${outcome.revision ? 'logo_revision' : 'logo_removed'}`)
    )
    return response.redirect().toRoute('account.vendors.show', { id: vendor.id })
  }
}
