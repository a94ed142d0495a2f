import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Vendor from '#models/vendor'
import VendorPolicy from '#policies/vendor_policy'
import VendorEditor from '#services/vendors/vendor_editor'
import VendorEditTransformer from '#transformers/vendor_edit_transformer'
import { vendorPatchValidator } from '#validators/vendor_validator'

/** PATCH /api/v1/vendors/:slug: members edit their vendor by the same rules as the form. */
@inject()
export default class VendorEditsController {
  constructor(private editor: VendorEditor) {}

  async update({ auth, bouncer, params, request, serialize }: HttpContext) {
    const vendor = await Vendor.findByOrFail('slug', params.slug)
    // The policy answers 404 for unpublished vendors the user may not see.
    await bouncer.with(VendorPolicy).authorize('edit', vendor)
    const input = await request.validateUsing(vendorPatchValidator)
    const outcome = await this.editor.patch(auth.getUserOrFail(), vendor, input)
    return serialize(VendorEditTransformer.transform(outcome))
  }
}
