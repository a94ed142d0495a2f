import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Vendor from '#models/vendor'
import NewsPolicy from '#policies/news_policy'
import AuditService from '#services/audit_service'
import { setVendorKeywords } from '#services/news/news_service'
import { newsMessages, vendorKeywordsValidator } from '#validators/news_validator'

/** Editors set a vendor's keywords (shown on /keywords/:slug) on the editorial vendor page. */
@inject()
export default class VendorKeywordsController {
  constructor(private audit: AuditService) {}

  async update({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    await bouncer.with(NewsPolicy).authorize('manage')
    const vendor = await Vendor.findOrFail(params.id)
    const { keywords } = await request.validateUsing(vendorKeywordsValidator, newsMessages(i18n))
    await setVendorKeywords(this.audit, auth.user!, vendor, keywords)
    session.flash('notice', i18n.t('news.notices.vendor_keywords', { vendor: vendor.name }))
    return response.redirect().toRoute('editorial.vendors.show', { id: vendor.id })
  }
}
