import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import NewsItem from '#models/news_item'

let sequence = 0

/**
 * News items as an editor leaves them: drafts with a unique slug, dated
 * today. States: 'published', 'pending' (a press release: set `vendorId`).
 * Topics and keywords are attached by the caller (order matters).
 */
export const NewsItemFactory = factory
  .define(NewsItem, () => {
    sequence += 1
    return {
      slug: `meldung-${sequence}`,
      kicker: 'Testort:',
      title: `Meldung ${sequence}`,
      publishedOn: DateTime.now().startOf('day'),
      teaser: `Anreißer der Meldung ${sequence}.`,
      body: `Text der Meldung ${sequence}.`,
      sourceLinks: [],
      imageCredit: null,
      status: 'draft' as const,
      vendorId: null,
      authorId: null,
      submittedAt: null,
    }
  })
  .state('published', (item) => {
    item.status = 'published'
  })
  .state('pending', (item) => {
    item.status = 'pending'
    item.submittedAt = DateTime.now()
  })
  .build()
