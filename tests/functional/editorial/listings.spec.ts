import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { listUsers, topicsWithVendorCounts } from '#queries/editorial_listing'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { topic } from './fixtures.js'

/** The read-models behind the editorial users and topics pages. */
test.group('Editorial / listings', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('users: admins, then editors, then members, by name ignoring case', async ({ assert }) => {
    await createUser({ role: 'member', name: 'anton Member' })
    await createUser({ role: 'editor', name: 'Zora Editor' })
    await createUser({ role: 'admin', name: 'Yara Admin' })
    await createUser({ role: 'editor', name: 'berta Editor' })
    await createUser({ role: 'member', name: 'Bodo Member' })

    const users = await listUsers(1)

    assert.deepEqual(
      users.all().map((user) => user.name),
      ['Yara Admin', 'berta Editor', 'Zora Editor', 'anton Member', 'Bodo Member']
    )
    assert.equal(users.total, 5)
  })

  test('topics: in editorial order, counting published vendors only', async ({ assert }) => {
    const second = await topic('zweites', 'Zweites', 2)
    const first = await topic('erstes', 'Erstes', 1)
    await createVendor({ status: 'published' }, [first, second])
    await createVendor({ status: 'published' }, [first])
    await createVendor({ status: 'draft' }, [first])
    await createVendor({ status: 'archived' }, [second])

    const topics = await topicsWithVendorCounts()

    assert.deepEqual(
      topics.map((row) => [row.slug, Number(row.$extras.vendors_count)]),
      [
        ['erstes', 2],
        ['zweites', 1],
      ]
    )
  })
})
