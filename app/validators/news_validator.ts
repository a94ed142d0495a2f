import vine from '@vinejs/vine'
import { ScopedMessages } from '#validators/scoped_messages'
import type { I18n } from '@adonisjs/i18n'
import { plainText } from '#validators/plain_text_rule'
import { blankAsMissing } from '#validators/vendor_rules'
import {
  MAX_KEYWORDS,
  MAX_SOURCE_LINKS,
  parseKeywords,
  parseSourceLinks,
} from '#services/news/news_input'

const sourceLinksRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const { links, invalidLines } = parseSourceLinks(value)
  if (invalidLines.length) {
    field.report('Line {{ line }} is no http(s) link', 'sourceLinks', field, {
      line: invalidLines[0],
    })
  } else if (links.length > MAX_SOURCE_LINKS) {
    field.report('Too many links', 'sourceLinksMax', field, { max: MAX_SOURCE_LINKS })
  }
})

const keywordsRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (parseKeywords(value).length > MAX_KEYWORDS) {
    field.report('Too many keywords', 'keywordsMax', field, { max: MAX_KEYWORDS })
  }
})

/** "Social Media, DStGB": comma-separated keywords (also the vendor keyword form). */
export const keywordsField = () =>
  vine.string().trim().maxLength(1000).use(keywordsRule()).optional()

/**
 * A news item as the editorial form and the press-release form post it.
 * `mainTopicId` is the item's own topic; `topicIds` are further topics.
 * Keywords and source links are text (parsed by services/news/news_input).
 * Messages: news.validator, then validator.shared.
 */
export const newsItemValidator = vine.compile(
  vine.object({
    kicker: vine.string().parse(blankAsMissing).trim().maxLength(120).use(plainText()).optional(),
    title: vine.string().trim().minLength(3).maxLength(200).use(plainText()),
    publishedOn: vine.date({ formats: ['YYYY-MM-DD'] }),
    teaser: vine.string().trim().minLength(10).maxLength(1000),
    body: vine.string().trim().minLength(10).maxLength(20000),
    mainTopicId: vine.number().withoutDecimals().exists({ table: 'topics', column: 'id' }),
    topicIds: vine
      .array(vine.number().withoutDecimals().exists({ table: 'topics', column: 'id' }))
      .maxLength(5)
      .optional(),
    keywords: keywordsField(),
    sourceLinks: vine
      .string()
      .parse(blankAsMissing)
      .trim()
      .maxLength(4000)
      .use(sourceLinksRule())
      .optional(),
    imageCredit: vine
      .string()
      .parse(blankAsMissing)
      .trim()
      .maxLength(200)
      .use(plainText())
      .optional(),
  })
)

/** An editor's reason for rejecting a press release. */
export const newsRejectValidator = vine.compile(
  vine.object({ reason: vine.string().trim().minLength(3).maxLength(2000) })
)

/** An editor sets a vendor's keywords. */
export const vendorKeywordsValidator = vine.compile(vine.object({ keywords: keywordsField() }))

/** GET /api/v1/news and /topics/:slug/news: filters and page. */
export const newsListValidator = vine.compile(
  vine.object({
    topic: vine.string().parse(blankAsMissing).trim().maxLength(120).optional(),
    keyword: vine.string().parse(blankAsMissing).trim().maxLength(120).optional(),
    page: vine.number().parse(blankAsMissing).withoutDecimals().min(1).max(100000).optional(),
  })
)

export function newsMessages(i18n: I18n) {
  return { messagesProvider: new ScopedMessages(i18n, 'news.validator') }
}
