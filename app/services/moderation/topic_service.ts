import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import Topic from '#models/topic'
import AuditService from '#services/audit_service'
import { refreshTopicSearchText } from '#services/search/search_index'
import { uniqueSlug } from '#services/slug'

export type TopicInput = { name: string; description?: string | null }

/**
 * Managing topics: create, rename, describe, reorder. The slug is made
 * once from the name and stays, so topic URLs survive a rename; vendors
 * are found by the new name at once.
 */
@inject()
export default class TopicService {
  constructor(private audit: AuditService) {}

  async create(editor: User, input: TopicInput) {
    return db.transaction(async (trx) => {
      const last = await trx.from('topics').max('position as max_position').first()
      const topic = await Topic.create(
        {
          name: input.name,
          description: input.description ?? '',
          slug: await uniqueSlug(input.name, trx, 'topics'),
          position: Number(last?.max_position ?? 0) + 1,
        },
        { client: trx }
      )
      await this.audit.record(
        editor,
        {
          action: 'topic.create',
          subjectType: 'topic',
          subjectId: topic.id,
          after: { slug: topic.slug, name: topic.name, description: topic.description },
        },
        trx
      )
      return topic
    })
  }

  async update(editor: User, topicId: number, input: TopicInput) {
    return db.transaction(async (trx) => {
      const topic = await Topic.findOrFail(topicId, { client: trx })
      const before = { name: topic.name, description: topic.description }
      topic.merge({ name: input.name, description: input.description ?? '' })
      const renamed = topic.$dirty.name !== undefined
      if (!topic.$isDirty) return topic
      await topic.save()
      if (renamed) await refreshTopicSearchText(topic.id, trx)
      await this.audit.record(
        editor,
        {
          action: 'topic.update',
          subjectType: 'topic',
          subjectId: topic.id,
          before,
          after: { name: topic.name, description: topic.description },
        },
        trx
      )
      return topic
    })
  }

  /**
   * One step up or down in the editorial order. Positions are renumbered
   * 1…n on the way, so that equal positions from older data sort out.
   */
  async move(editor: User, topicId: number, direction: 'up' | 'down') {
    await db.transaction(async (trx) => {
      const topics = await Topic.query({ client: trx }).withScopes((scopes) => scopes.ordered())
      const from = topics.findIndex((topic) => topic.id === topicId)
      if (from === -1) await Topic.findOrFail(topicId, { client: trx })
      const to = direction === 'up' ? from - 1 : from + 1
      if (to < 0 || to >= topics.length) return

      const [moved] = topics.splice(from, 1)
      topics.splice(to, 0, moved)
      for (const [index, topic] of topics.entries()) {
        if (topic.position !== index + 1) {
          topic.position = index + 1
          await topic.useTransaction(trx).save()
        }
      }
      await this.audit.record(
        editor,
        {
          action: 'topic.move',
          subjectType: 'topic',
          subjectId: moved.id,
          before: { position: from + 1 },
          after: { position: to + 1 },
        },
        trx
      )
    })
  }
}
