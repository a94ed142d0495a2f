import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { AuthorizationResponse } from '@adonisjs/bouncer'
import VendorPolicy from '#policies/vendor_policy'
import { createUser } from '#tests/helpers/users'
import { ownedVendor } from '#tests/helpers/vendor_accounts'

/**
 * The rule "404 rather than 403 for an unpublished vendor you cannot see"
 * lives in VendorPolicy.edit, so the web form and the PATCH API share it.
 */
test.group('VendorPolicy / edit hides unpublished vendors', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('strangers get 404 for drafts, 403 for published vendors; editors and archived stay 403', async ({
    assert,
  }) => {
    const policy = new VendorPolicy()
    const stranger = await createUser()
    const editor = await createUser({ role: 'editor' })
    const { vendor: draft } = await ownedVendor({ status: 'draft' })
    const { vendor: published } = await ownedVendor()
    const { vendor: archived, owner: archiveOwner } = await ownedVendor({ status: 'archived' })
    const { vendor: mine, owner } = await ownedVendor({ status: 'pending' })

    const onDraft = await policy.edit(stranger, draft)
    assert.instanceOf(onDraft, AuthorizationResponse)
    assert.equal((onDraft as AuthorizationResponse).status, 404)
    assert.isFalse((onDraft as AuthorizationResponse).authorized)

    assert.isFalse(await policy.edit(stranger, published))
    assert.isFalse(await policy.edit(editor, draft))
    assert.isFalse(await policy.edit(archiveOwner, archived))
    const onArchived = await policy.edit(stranger, archived)
    assert.equal((onArchived as AuthorizationResponse).status, 404)
    assert.isTrue(await policy.edit(owner, mine))
  })
})
