import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import VendorRevision from '#models/vendor_revision'
import VendorAccount from '#queries/vendor_account'
import { findAccountVendor } from '#services/accounts/account_vendor'

/** A member reads one revision of their vendor against the public version. */
@inject()
export default class RevisionsController {
  constructor(private account: VendorAccount) {}

  async show({ bouncer, params, view }: HttpContext) {
    const vendor = await findAccountVendor(bouncer, params.id)
    const revision = await VendorRevision.query()
      .where('vendor_id', vendor.id)
      .where('id', params.revisionId)
      .firstOrFail()
    const changes = await this.account.revisionDiff(vendor, revision)
    return view.render('pages/account/vendors/revision', { vendor, revision, changes })
  }
}
