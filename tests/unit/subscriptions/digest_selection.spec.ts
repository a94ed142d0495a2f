import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  type DigestCandidate,
  type DigestSubscriber,
  isDue,
  ledgerKey,
  selectDigest,
} from '#services/subscriptions/digest_selection'

const ZONE = 'Europe/Berlin'
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE })

function subscriber(overrides: Partial<DigestSubscriber> = {}): DigestSubscriber {
  return {
    kinds: 'both',
    frequency: 'immediate',
    topicIds: [1],
    confirmedAt: at('2026-11-02T10:00'),
    lastSentAt: null,
    sent: new Set(),
    ...overrides,
  }
}

function news(id: number, published: string, topicIds = [1]): DigestCandidate {
  return { type: 'news', id, topicIds, publishedAt: at(published) }
}

function vendor(id: number, published: string, topicIds = [1]): DigestCandidate {
  return { type: 'vendor', id, topicIds, publishedAt: at(published) }
}

const ids = (items: DigestCandidate[]) => items.map(ledgerKey)

test.group('Subscriptions / digest selection', () => {
  test('an unconfirmed subscription is never due and gets nothing', ({ assert }) => {
    const unconfirmed = subscriber({ confirmedAt: null })
    const now = at('2026-11-05T08:00')
    assert.isFalse(isDue(unconfirmed, now))
    assert.deepEqual(selectDigest(unconfirmed, [news(1, '2026-11-03T09:00')], now), [])
  })

  test('takes only items of its topics, published after confirmation and not in the future', ({
    assert,
  }) => {
    const now = at('2026-11-05T08:00')
    const candidates = [
      news(1, '2026-11-01T09:00'), // before confirmation
      news(2, '2026-11-03T09:00'),
      news(3, '2026-11-03T09:00', [2]), // another topic
      news(4, '2026-11-03T09:00', [2, 1]), // also in its topic
      news(5, '2026-11-06T09:00'), // after now
      vendor(6, '2026-11-04T12:00'),
    ]
    assert.deepEqual(ids(selectDigest(subscriber(), candidates, now)), [
      'news:2',
      'news:4',
      'vendor:6',
    ])
  })

  test('kinds choose news items, vendors or both', ({ assert }) => {
    const now = at('2026-11-05T08:00')
    const candidates = [vendor(7, '2026-11-04T12:00'), news(2, '2026-11-03T09:00')]
    assert.deepEqual(ids(selectDigest(subscriber({ kinds: 'news' }), candidates, now)), ['news:2'])
    assert.deepEqual(ids(selectDigest(subscriber({ kinds: 'vendors' }), candidates, now)), [
      'vendor:7',
    ])
    assert.deepEqual(ids(selectDigest(subscriber({ kinds: 'both' }), candidates, now)), [
      'news:2',
      'vendor:7',
    ])
  })

  test('nothing is sent twice: what the ledger holds is left out', ({ assert }) => {
    const now = at('2026-11-05T08:00')
    const candidates = [news(2, '2026-11-03T09:00'), news(3, '2026-11-04T09:00')]
    const first = selectDigest(subscriber(), candidates, now)
    assert.deepEqual(ids(first), ['news:2', 'news:3'])

    // The next run, with the first digest in the ledger, finds nothing new.
    const sent = new Set(ids(first))
    const again = subscriber({ sent, lastSentAt: now })
    assert.deepEqual(selectDigest(again, candidates, now.plus({ minutes: 10 })), [])

    // Only an item published later comes next.
    const later = [...candidates, news(9, '2026-11-05T09:00')]
    assert.deepEqual(ids(selectDigest(again, later, at('2026-11-05T10:00'))), ['news:9'])
  })

  test('a topic added later brings what is new, not its back catalogue', ({ assert }) => {
    const lastSentAt = at('2026-11-04T08:00')
    const candidates = [
      news(2, '2026-11-03T09:00', [2]), // before the last digest
      news(3, '2026-11-04T07:30', [2]), // just before it: may not have been committed then
      news(4, '2026-11-05T09:00', [2]),
    ]
    const widened = subscriber({ topicIds: [1, 2], lastSentAt })
    assert.deepEqual(ids(selectDigest(widened, candidates, at('2026-11-05T10:00'))), [
      'news:3',
      'news:4',
    ])
  })

  test('weekly: due once per ISO week (Berlin), immediate: on every run', ({ assert }) => {
    // Monday 2026-11-02 … Sunday 2026-11-08 is 2026-W45.
    const weekly = subscriber({ frequency: 'weekly', lastSentAt: at('2026-11-02T07:00') })
    assert.isFalse(isDue(weekly, at('2026-11-08T23:59')))
    assert.isTrue(isDue(weekly, at('2026-11-09T00:00')))
    assert.isTrue(isDue(subscriber({ frequency: 'weekly' }), at('2026-11-03T00:00')))

    const immediate = subscriber({ lastSentAt: at('2026-11-02T07:00') })
    assert.isTrue(isDue(immediate, at('2026-11-02T07:05')))

    const candidates = [news(2, '2026-11-03T09:00')]
    assert.deepEqual(selectDigest(weekly, candidates, at('2026-11-05T08:00')), [])
    assert.deepEqual(ids(selectDigest(weekly, candidates, at('2026-11-09T06:00'))), ['news:2'])
  })

  test('a thousand runs over a growing list send every item exactly once', ({ assert }) => {
    const sent = new Set<string>()
    const delivered: string[] = []
    const candidates: DigestCandidate[] = []
    let lastSentAt: DateTime | null = null
    let now = at('2026-11-02T11:00')
    for (let run = 0; run < 1_000; run++) {
      now = now.plus({ minutes: 10 })
      if (run % 3 === 0) candidates.push(news(run, now.minus({ minutes: 1 }).toISO()!))
      if (run % 7 === 0) candidates.push(vendor(run, now.minus({ minutes: 2 }).toISO()!))
      const digest = selectDigest(subscriber({ sent, lastSentAt }), candidates, now)
      for (const item of digest) {
        delivered.push(ledgerKey(item))
        sent.add(ledgerKey(item))
      }
      if (digest.length) lastSentAt = now
    }
    assert.lengthOf(delivered, candidates.length)
    assert.equal(new Set(delivered).size, delivered.length)
  })
})
