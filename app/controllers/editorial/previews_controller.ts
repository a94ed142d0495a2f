import type { HttpContext } from '@adonisjs/core/http'
import Vendor from '#models/vendor'
import VendorRevision from '#models/vendor_revision'
import VendorPolicy from '#policies/vendor_policy'
import { PREVIEW_ROBOTS, vendorPreview } from '#queries/vendor_preview'

/** What an editor decides on, as the public page would show it once approved. */
export default class PreviewsController {
  /** The vendor's own row: a new vendor waiting for review, a draft, a rejected one. */
  async vendor({ bouncer, params, response, view }: HttpContext) {
    const vendor = await Vendor.findOrFail(params.id)
    await bouncer.with(VendorPolicy).authorize('preview', vendor)
    const back = { route: 'editorial.vendors.show', params: { id: vendor.id } }
    response.header('X-Robots-Tag', PREVIEW_ROBOTS)
    return view.render('pages/vendors/show', await vendorPreview(vendor, null, back))
  }

  /** A revision applied onto its vendor. */
  async revision({ bouncer, params, response, view }: HttpContext) {
    const revision = await VendorRevision.findOrFail(params.id)
    const vendor = await Vendor.findOrFail(revision.vendorId)
    await bouncer.with(VendorPolicy).authorize('preview', vendor)
    const back = { route: 'editorial.revisions.show', params: { id: revision.id } }
    response.header('X-Robots-Tag', PREVIEW_ROBOTS)
    return view.render('pages/vendors/show', await vendorPreview(vendor, revision, back))
  }
}
