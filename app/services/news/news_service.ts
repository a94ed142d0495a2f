import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import NewsItem, { type NewsStatus } from '#models/news_item'
import Keyword from '#models/keyword'
import type User from '#models/user'
import type Vendor from '#models/vendor'
import { lockedById } from '#models/locked_by_id'
import AuditService from '#services/audit_service'
import DomainError from '#exceptions/domain_error'
import { uniqueSlug } from '#services/slug'
import { parseKeywords, parseSourceLinks } from '#services/news/news_input'

/** What the news forms give (newsItemValidator's output). */
export type NewsInput = {
  kicker?: string
  title: string
  publishedOn: Date
  teaser: string
  body: string
  mainTopicId: number
  topicIds?: number[]
  keywords?: string
  sourceLinks?: string
  imageCredit?: string
}

/**
 * Writing news: editors create, edit, publish and unpublish; members submit
 * press releases for their vendor, which editors publish or reject. Every
 * change is audited in its own transaction.
 */
@inject()
export default class NewsService {
  constructor(private audit: AuditService) {}

  /** An editor's new item, a draft. */
  async create(editor: User, input: NewsInput) {
    return db.transaction(async (trx) => {
      const item = await this.#insert(editor, input, 'draft', null, trx)
      await this.audit.record(
        editor,
        { action: 'news.created', subjectType: 'news', subjectId: item.id, after: summary(item) },
        trx
      )
      return item
    })
  }

  /** A member's press release for their vendor: pending, in the editorial queue. */
  async submit(member: User, vendor: Vendor, input: NewsInput) {
    return db.transaction(async (trx) => {
      const item = await this.#insert(member, input, 'pending', vendor.id, trx)
      await this.audit.record(
        member,
        {
          action: 'news.submitted',
          subjectType: 'news',
          subjectId: item.id,
          vendorId: vendor.id,
          after: summary(item),
        },
        trx
      )
      return item
    })
  }

  async update(editor: User, id: number, input: NewsInput) {
    return db.transaction(async (trx) => {
      const item = await lockedById(NewsItem, id, trx).firstOrFail()
      const before = summary(item)
      item.merge(fields(input))
      await item.useTransaction(trx).save()
      await this.#relate(item, input, trx)
      await this.audit.record(
        editor,
        {
          action: 'news.updated',
          subjectType: 'news',
          subjectId: item.id,
          vendorId: item.vendorId,
          before,
          after: summary(item),
        },
        trx
      )
      return item
    })
  }

  /** Publishing a draft, or approving a pending press release. */
  async publish(editor: User, id: number) {
    return this.#move(editor, id, ['draft', 'pending'], 'published', 'news.publish')
  }

  async unpublish(editor: User, id: number) {
    return this.#move(editor, id, ['published'], 'draft', 'news.unpublish')
  }

  /** A pending press release goes back to draft with the editor's reason. */
  async reject(editor: User, id: number, reason: string) {
    return this.#move(editor, id, ['pending'], 'draft', 'news.reject', reason)
  }

  async #move(
    editor: User,
    id: number,
    from: NewsStatus[],
    to: NewsStatus,
    action: 'news.publish' | 'news.unpublish' | 'news.reject',
    reason: string | null = null
  ) {
    return db.transaction(async (trx) => {
      const item = await lockedById(NewsItem, id, trx).firstOrFail()
      if (!from.includes(item.status)) throw new DomainError('news.errors.wrong_status')
      const before = { status: item.status }
      item.status = to
      item.rejectionReason = reason
      await item.useTransaction(trx).save()
      await this.audit.record(
        editor,
        {
          action,
          subjectType: 'news',
          subjectId: item.id,
          vendorId: item.vendorId,
          before,
          after: reason ? { status: to, reason } : { status: to },
        },
        trx
      )
      return item
    })
  }

  async #insert(
    author: User,
    input: NewsInput,
    status: NewsStatus,
    vendorId: number | null,
    trx: TransactionClientContract
  ) {
    const item = await NewsItem.create(
      {
        ...fields(input),
        slug: await uniqueSlug(`${input.kicker ?? ''} ${input.title}`, trx, 'news_items'),
        status,
        vendorId,
        authorId: author.id,
        submittedAt: status === 'pending' ? DateTime.now() : null,
      },
      { client: trx }
    )
    await this.#relate(item, input, trx)
    return item
  }

  /** Topics (the main one first) and keywords, in the order given. */
  async #relate(item: NewsItem, input: NewsInput, trx: TransactionClientContract) {
    const topicIds = [
      input.mainTopicId,
      ...(input.topicIds ?? []).filter((id) => id !== input.mainTopicId),
    ]
    const uniqueTopics = [...new Set(topicIds)]
    await item
      .related('topics')
      .sync(
        Object.fromEntries(uniqueTopics.map((topicId, position) => [topicId, { position }])),
        true,
        trx
      )
    const keywords = await keywordsFor(input.keywords, trx)
    await item
      .related('keywords')
      .sync(
        Object.fromEntries(keywords.map((keyword, position) => [keyword.id, { position }])),
        true,
        trx
      )
  }
}

/**
 * The keywords named in `text`, found by slug or created, in the order
 * given. News items and vendors share them.
 */
export async function keywordsFor(
  text: string | null | undefined,
  trx: TransactionClientContract
): Promise<Keyword[]> {
  const wanted = parseKeywords(text)
  if (!wanted.length) return []
  const existing = await Keyword.query({ client: trx }).whereIn(
    'slug',
    wanted.map((keyword) => keyword.slug)
  )
  const bySlug = new Map(existing.map((keyword) => [keyword.slug, keyword]))
  const result: Keyword[] = []
  for (const keyword of wanted) {
    let found = bySlug.get(keyword.slug)
    if (!found) {
      found = await Keyword.create(keyword, { client: trx })
      bySlug.set(keyword.slug, found)
    }
    result.push(found)
  }
  return result
}

/** An editor sets a vendor's keywords (they show on /keywords/:slug). */
export async function setVendorKeywords(
  audit: AuditService,
  editor: User,
  vendor: Vendor,
  text: string | undefined
) {
  await vendor.load('keywords')
  const before = vendor.keywords.map((keyword) => keyword.name).join(', ')
  return db.transaction(async (trx) => {
    const keywords = await keywordsFor(text, trx)
    await vendor
      .related('keywords')
      .sync(
        Object.fromEntries(keywords.map((keyword, position) => [keyword.id, { position }])),
        true,
        trx
      )
    await audit.record(
      editor,
      {
        action: 'vendor.keywords',
        subjectType: 'vendor',
        subjectId: vendor.id,
        vendorId: vendor.id,
        before: { keywords: before },
        after: { keywords: keywords.map((keyword) => keyword.name).join(', ') },
      },
      trx
    )
  })
}

function fields(input: NewsInput) {
  return {
    kicker: input.kicker ?? '',
    title: input.title,
    // Vine parsed "YYYY-MM-DD" as local midnight: keep that calendar day.
    publishedOn: DateTime.fromISO(DateTime.fromJSDate(input.publishedOn).toISODate()!),
    teaser: input.teaser,
    body: input.body,
    sourceLinks: parseSourceLinks(input.sourceLinks).links,
    imageCredit: input.imageCredit ?? null,
  }
}

function summary(item: NewsItem) {
  return { title: item.title, status: item.status }
}
