import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Vendor from '#models/vendor'
import VendorPolicy from '#policies/vendor_policy'
import VendorEditor from '#services/vendors/vendor_editor'
import { PREVIEW_ROBOTS, vendorPreview } from '#queries/vendor_preview'

/**
 * A member's vendor as the public page will show it: the pending revision
 * if one waits for review, else the entry as it is (a draft, or pending).
 */
@inject()
export default class PreviewsController {
  constructor(private editor: VendorEditor) {}

  async show({ bouncer, params, response, view }: HttpContext) {
    const vendor = await Vendor.findOrFail(params.id)
    await bouncer.with(VendorPolicy).authorize('preview', vendor)
    const revision = await this.editor.pendingRevision(vendor)
    const back = { route: 'account.vendors.show', params: { id: vendor.id } }
    response.header('X-Robots-Tag', PREVIEW_ROBOTS)
    return view.render('pages/vendors/show', await vendorPreview(vendor, revision, back))
  }
}
