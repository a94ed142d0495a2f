import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import Topic from '#models/topic'
import Vendor from '#models/vendor'
import ModerationService, { type StatusMove } from '#services/moderation/moderation_service'
import { listVendors } from '#queries/editorial_listing'
import { vendorReview } from '#queries/review_view'
import { exportTopicId, vendorCsvStream } from '#services/vendors/vendor_csv'
import { validateQuery } from '#services/forms'
import { formatKeywords } from '#services/news/news_input'
import {
  decisionReasonValidator,
  editorialVendorFilterValidator,
  vendorExportValidator,
} from '#validators/editorial_validator'

@inject()
export default class VendorsController {
  constructor(private moderation: ModerationService) {}

  /** Every vendor, by status and name. */
  async index(ctx: HttpContext) {
    const topics = await Topic.query().withScopes((scopes) => scopes.ordered())
    const { input, errors } = await validateQuery(ctx, editorialVendorFilterValidator)
    if (!input) {
      return ctx.view.render('pages/editorial/vendors/index', {
        filter: ctx.request.qs(),
        topics,
        errors,
      })
    }
    const vendors = await listVendors(input)
    return ctx.view.render('pages/editorial/vendors/index', {
      vendors,
      filter: input,
      topics,
      errors: {},
    })
  }

  /** A vendor with everything an editor decides on: fields, members, open items. */
  async show({ params, view }: HttpContext) {
    const vendor = await Vendor.findOrFail(params.id)
    return view.render('pages/editorial/vendors/show', {
      ...(await vendorReview(vendor)),
      vendorKeywords: formatKeywords(await vendor.related('keywords').query()),
    })
  }

  async approve({ auth, params, response, session, i18n }: HttpContext) {
    const vendor = await this.moderation.approveVendor(auth.user!, params.id)
    session.flash('notice', i18n.t('editorial.notices.vendor_approved', { vendor: vendor.name }))
    return response.redirect().toRoute('editorial.queue')
  }

  async reject({ auth, params, request, response, session, i18n }: HttpContext) {
    const { reason } = await request.validateUsing(decisionReasonValidator)
    const vendor = await this.moderation.rejectVendor(auth.user!, params.id, reason)
    session.flash('notice', i18n.t('editorial.notices.vendor_rejected', { vendor: vendor.name }))
    return response.redirect().toRoute('editorial.queue')
  }

  async publish(ctx: HttpContext) {
    return this.move(ctx, 'publish')
  }

  async unpublish(ctx: HttpContext) {
    return this.move(ctx, 'unpublish')
  }

  async archive(ctx: HttpContext) {
    return this.move(ctx, 'archive')
  }

  /** The same CSV as `node ace vendors:export [--topic=]`. */
  async export({ request, response }: HttpContext) {
    const { topic } = await vendorExportValidator.validate(request.qs())
    const topicId = await exportTopicId(topic)
    const date = DateTime.now().setZone('Europe/Berlin').toISODate()
    response.header('content-type', 'text/csv; charset=utf-8')
    response.attachment(`anbieter-${topic ? `${topic}-` : ''}${date}.csv`)
    return response.stream(vendorCsvStream(topicId))
  }

  private async move({ auth, params, response, session, i18n }: HttpContext, move: StatusMove) {
    const vendor = await this.moderation.moveVendor(auth.user!, params.id, move)
    session.flash('notice', i18n.t(`editorial.notices.vendor_${move}`, { vendor: vendor.name }))
    return response.redirect().toRoute('editorial.vendors.show', { id: vendor.id })
  }
}
