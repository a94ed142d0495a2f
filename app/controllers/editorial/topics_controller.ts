import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import EditorialPolicy from '#policies/editorial_policy'
import Topic from '#models/topic'
import { topicsWithVendorCounts } from '#queries/editorial_listing'
import TopicService from '#services/moderation/topic_service'
import { topicMoveValidator, topicValidator } from '#validators/editorial_validator'

@inject()
export default class TopicsController {
  constructor(private topics: TopicService) {}

  /** The topics in editorial order, with their vendor counts and a form for a new one. */
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(EditorialPolicy).authorize('manageTopics')
    return view.render('pages/editorial/topics/index', { topics: await topicsWithVendorCounts() })
  }

  async store({ auth, bouncer, request, response, session, i18n }: HttpContext) {
    await bouncer.with(EditorialPolicy).authorize('manageTopics')
    const input = await request.validateUsing(topicValidator, { meta: {} })
    const topic = await this.topics.create(auth.user!, input)
    session.flash('notice', i18n.t('editorial.notices.topic_created', { topic: topic.name }))
    return response.redirect().toRoute('editorial.topics.index')
  }

  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(EditorialPolicy).authorize('manageTopics')
    return view.render('pages/editorial/topics/edit', { topic: await Topic.findOrFail(params.id) })
  }

  /** Rename and describe; vendors are found by the new name at once. */
  async update({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    await bouncer.with(EditorialPolicy).authorize('manageTopics')
    const topic = await Topic.findOrFail(params.id)
    const input = await request.validateUsing(topicValidator, { meta: { topicId: topic.id } })
    await this.topics.update(auth.user!, topic.id, input)
    session.flash('notice', i18n.t('editorial.notices.topic_updated', { topic: input.name }))
    return response.redirect().toRoute('editorial.topics.index')
  }

  async move({ auth, bouncer, params, request, response }: HttpContext) {
    await bouncer.with(EditorialPolicy).authorize('manageTopics')
    const { direction } = await request.validateUsing(topicMoveValidator)
    await this.topics.move(auth.user!, params.id, direction)
    return response.redirect().toRoute('editorial.topics.index')
  }
}
