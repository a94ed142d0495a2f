import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Vendor from '#models/vendor'
import NewsPolicy from '#policies/news_policy'
import NewsService from '#services/news/news_service'
import { newsFormData } from '#queries/news_desk'
import { newsItemValidator, newsMessages } from '#validators/news_validator'

/** A vendor's members submit a press release; it waits in the editorial queue. */
@inject()
export default class PressReleasesController {
  constructor(private news: NewsService) {}

  async create({ bouncer, params, view }: HttpContext) {
    const vendor = await Vendor.findOrFail(params.id)
    await bouncer.with(NewsPolicy).authorize('submit', vendor)
    return view.render('pages/account/press_releases/form', {
      ...(await newsFormData(null, vendor.id)),
      vendor,
    })
  }

  async store({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    const vendor = await Vendor.findOrFail(params.id)
    await bouncer.with(NewsPolicy).authorize('submit', vendor)
    const input = await request.validateUsing(newsItemValidator, newsMessages(i18n))
    const item = await this.news.submit(auth.user!, vendor, input)
    session.flash('notice', i18n.t('news.notices.submitted', { title: item.title }))
    return response.redirect().toRoute('account.vendors.show', { id: vendor.id })
  }
}
