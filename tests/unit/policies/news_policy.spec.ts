import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import NewsPolicy from '#policies/news_policy'
import { createUser } from '#tests/helpers/users'
import { ownedVendor } from '#tests/helpers/vendor_accounts'
import { addMember } from '#tests/helpers/vendor_accounts'

test.group('NewsPolicy', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('editors and admins manage news; members and disabled editors do not', async ({
    assert,
  }) => {
    const policy = new NewsPolicy()
    assert.isTrue(policy.manage(await createUser({ role: 'editor' })))
    assert.isTrue(policy.manage(await createUser({ role: 'admin' })))
    assert.isFalse(policy.manage(await createUser()))
    assert.isFalse(policy.manage(await createUser({ role: 'editor', disabled: true })))
  })

  test('members submit for their own published vendor; strangers get 404', async ({ assert }) => {
    const policy = new NewsPolicy()
    const { vendor, owner } = await ownedVendor()
    assert.isTrue(await policy.submit(owner, vendor))

    const colleague = await createUser()
    await addMember(vendor, colleague, 'member')
    assert.isTrue(await policy.submit(colleague, vendor))

    const stranger = await createUser()
    const refusal = await policy.submit(stranger, vendor)
    assert.notEqual(refusal, true)
    assert.equal((refusal as { status: number }).status, 404)

    // Editors write through the news desk, not as a vendor.
    const editor = await createUser({ role: 'editor' })
    assert.equal(((await policy.submit(editor, vendor)) as { status: number }).status, 404)

    const { vendor: draft, owner: draftOwner } = await ownedVendor({ status: 'draft' })
    assert.isFalse(await policy.submit(draftOwner, draft))
  })
})
