import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import VendorMember from '#models/vendor_member'
import { createUser } from '#tests/helpers/users'
import { addMember, ownedVendor } from '#tests/helpers/vendor_accounts'

/** Counts the queries on vendor members that `run` starts. */
async function memberQueries(run: () => Promise<unknown>) {
  const original = VendorMember.query
  let count = 0
  VendorMember.query = function (this: typeof VendorMember, ...args: unknown[]) {
    count++
    return (original as (...a: unknown[]) => unknown).apply(this, args)
  } as typeof VendorMember.query
  try {
    await run()
  } finally {
    VendorMember.query = original
  }
  return count
}

test.group('Account / vendor page loads the membership once', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the owner’s page decides every ability from one membership query (plus the member list)', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({
      status: 'draft',
      attributes: { name: 'Eins GmbH' },
    })
    const colleague = await createUser({ name: 'Cora Colleague' })
    await addMember(vendor, colleague, 'member')

    let response: Awaited<ReturnType<typeof client.get>> | undefined
    const queries = await memberQueries(async () => {
      response = await client.get(urlFor('account.vendors.show', { id: vendor.id })).loginAs(owner)
    })

    response!.assertStatus(200)
    // The owner may edit, submit and invite: all three abilities were decided.
    response!.assertTextIncludes(`href="${urlFor('account.vendors.edit', { id: vendor.id })}"`)
    response!.assertTextIncludes(`action="${urlFor('account.vendors.submit', { id: vendor.id })}"`)
    response!.assertTextIncludes(
      `action="${urlFor('account.vendors.invitations.store', { id: vendor.id })}"`
    )
    response!.assertTextIncludes('Cora Colleague')
    assert.equal(queries, 2, 'one membership query and one for the member list')
  })

  test('a plain member sees no owner actions, still with one membership query', async ({
    client,
    assert,
  }) => {
    const { vendor } = await ownedVendor({ status: 'draft' })
    const colleague = await createUser()
    await addMember(vendor, colleague, 'member')

    let response: Awaited<ReturnType<typeof client.get>> | undefined
    const queries = await memberQueries(async () => {
      response = await client
        .get(urlFor('account.vendors.show', { id: vendor.id }))
        .loginAs(colleague)
    })

    response!.assertStatus(200)
    assert.notInclude(
      response!.text(),
      `action="${urlFor('account.vendors.invitations.store', { id: vendor.id })}"`
    )
    response!.assertTextIncludes(`href="${urlFor('account.vendors.edit', { id: vendor.id })}"`)
    assert.equal(queries, 2)
  })
})
