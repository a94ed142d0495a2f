import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import NewsItem from '#models/news_item'
import NewsPolicy from '#policies/news_policy'
import NewsService from '#services/news/news_service'
import { newsFormData } from '#queries/news_desk'
import { newsItemValidator, newsMessages, newsRejectValidator } from '#validators/news_validator'

@inject()
export default class NewsController {
  constructor(private news: NewsService) {}

  /** Every item, pending press releases first, then newest first. */
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(NewsPolicy).authorize('manage')
    const items = await NewsItem.query()
      .preload('vendor')
      .preload('topics')
      .orderByRaw(`case when status = 'pending' then 0 else 1 end`)
      .withScopes((scopes) => scopes.latestFirst())
      .limit(500)
    return view.render('pages/editorial/news/index', { items })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(NewsPolicy).authorize('manage')
    return view.render('pages/editorial/news/form', await newsFormData(null))
  }

  async store({ auth, bouncer, request, response, session, i18n }: HttpContext) {
    await bouncer.with(NewsPolicy).authorize('manage')
    const input = await request.validateUsing(newsItemValidator, newsMessages(i18n))
    const item = await this.news.create(auth.user!, input)
    session.flash('notice', i18n.t('news.notices.created', { title: item.title }))
    return response.redirect().toRoute('editorial.news.edit', { id: item.id })
  }

  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(NewsPolicy).authorize('manage')
    const item = await NewsItem.findOrFail(params.id)
    return view.render('pages/editorial/news/form', await newsFormData(item))
  }

  async update({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    await bouncer.with(NewsPolicy).authorize('manage')
    const input = await request.validateUsing(newsItemValidator, newsMessages(i18n))
    const item = await this.news.update(auth.user!, params.id, input)
    session.flash('notice', i18n.t('news.notices.updated', { title: item.title }))
    return response.redirect().toRoute('editorial.news.edit', { id: item.id })
  }

  /** Publishing a draft, or approving a pending press release. */
  async publish(ctx: HttpContext) {
    await ctx.bouncer.with(NewsPolicy).authorize('manage')
    const item = await this.news.publish(ctx.auth.user!, ctx.params.id)
    return this.#done(ctx, 'published', item)
  }

  async unpublish(ctx: HttpContext) {
    await ctx.bouncer.with(NewsPolicy).authorize('manage')
    const item = await this.news.unpublish(ctx.auth.user!, ctx.params.id)
    return this.#done(ctx, 'unpublished', item)
  }

  async reject(ctx: HttpContext) {
    await ctx.bouncer.with(NewsPolicy).authorize('manage')
    const { reason } = await ctx.request.validateUsing(newsRejectValidator, newsMessages(ctx.i18n))
    const item = await this.news.reject(ctx.auth.user!, ctx.params.id, reason)
    return this.#done(ctx, 'rejected', item)
  }

  #done({ response, session, i18n }: HttpContext, notice: string, item: NewsItem) {
    session.flash('notice', i18n.t(`news.notices.${notice}`, { title: item.title }))
    return response.redirect().toRoute('editorial.news.index')
  }
}
