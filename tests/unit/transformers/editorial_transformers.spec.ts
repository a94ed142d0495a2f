import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Vendor from '#models/vendor'
import VendorRevision from '#models/vendor_revision'
import type { QueueItem } from '#queries/editorial_queue'
import QueueItemTransformer from '#transformers/queue_item_transformer'
import VendorEditTransformer from '#transformers/vendor_edit_transformer'
import VendorRevisionTransformer from '#transformers/vendor_revision_transformer'
import { apiJson } from '#tests/helpers/api_json'

const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' })

test.group('Transformers / editorial', () => {
  test('a queue entry: times in UTC, who asked without their e-mail address', async ({
    assert,
  }) => {
    const items: QueueItem[] = [
      {
        type: 'revision',
        id: 4,
        vendor: { id: 9, slug: 'karten-gmbh', name: 'Karten GmbH', status: 'published' },
        who: { id: 2, name: 'Olga Owner', email: 'olga@example.test' },
        submittedAt: berlin('2026-03-01T10:00:00'),
      },
      {
        type: 'vendor',
        id: 9,
        vendor: { id: 9, slug: 'karten-gmbh', name: 'Karten GmbH', status: 'pending' },
        who: null,
        submittedAt: berlin('2026-07-01T10:00:00'),
      },
    ]

    assert.deepEqual(await apiJson(QueueItemTransformer.transform(items)), {
      data: [
        {
          type: 'revision',
          id: 4,
          vendor: { slug: 'karten-gmbh', name: 'Karten GmbH', status: 'published' },
          submittedAt: '2026-03-01T09:00:00.000Z',
          submittedBy: { id: 2, name: 'Olga Owner' },
        },
        {
          type: 'vendor',
          id: 9,
          vendor: { slug: 'karten-gmbh', name: 'Karten GmbH', status: 'pending' },
          submittedAt: '2026-07-01T08:00:00.000Z',
          submittedBy: null,
        },
      ],
    })
  })

  test('a decided revision: its decision time in UTC, null while undecided', async ({ assert }) => {
    const revision = new VendorRevision().merge({
      id: 4,
      vendorId: 9,
      status: 'rejected',
      reason: 'Bitte Quelle angeben.',
      decidedAt: berlin('2026-03-01T10:00:00'),
    })
    assert.deepEqual(await apiJson(VendorRevisionTransformer.transform(revision)), {
      data: {
        id: 4,
        vendorId: 9,
        status: 'rejected',
        reason: 'Bitte Quelle angeben.',
        decidedAt: '2026-03-01T09:00:00.000Z',
      },
    })

    revision.merge({ status: 'pending', reason: null, decidedAt: null })
    const pending = await apiJson(VendorRevisionTransformer.transform(revision))
    assert.isNull(pending.data.decidedAt)
  })

  test('an edit: the pending revision with its changed fields, or null', async ({ assert }) => {
    const vendor = new Vendor().merge({ status: 'published' })
    const revision = new VendorRevision().merge({
      id: 5,
      createdAt: berlin('2026-03-01T10:00:00'),
    })

    const proposed = await apiJson(
      VendorEditTransformer.transform({
        vendor,
        revision,
        changes: ['name', 'topicIds'],
        orphanedLogo: null,
      })
    )
    assert.deepEqual(proposed, {
      data: {
        status: 'published',
        pendingRevision: {
          id: 5,
          createdAt: '2026-03-01T10:00:00.000+01:00',
          changes: ['name', 'topicIds'],
        },
      },
    })

    vendor.status = 'draft'
    const direct = await apiJson(
      VendorEditTransformer.transform({ vendor, revision: null, changes: [], orphanedLogo: null })
    )
    assert.deepEqual(direct, { data: { status: 'draft', pendingRevision: null } })
  })
})
