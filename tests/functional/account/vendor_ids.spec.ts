import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { addMember, formFields, ownedVendor } from '#tests/helpers/vendor_accounts'
import { createUser } from '#tests/helpers/users'

/**
 * `/account/vendors/:id` must not tell another vendor's id from a missing
 * one: both answer 404, on every route of the area.
 */
test.group('Account vendor ids cannot be probed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("another vendor's id and a missing id get the same 404 on every route", async ({
    client,
    assert,
  }) => {
    const { owner: stranger } = await ownedVendor({ attributes: { name: 'Anbieter A' } })
    const { vendor: other } = await ownedVendor({ attributes: { name: 'Anbieter B' } })
    const colleague = await addMember(other, await createUser(), 'member')
    const missing = other.id + 1000

    const requests = (id: number) => ({
      show: client.get(urlFor('account.vendors.show', { id })),
      edit: client.get(urlFor('account.vendors.edit', { id })),
      update: client.put(urlFor('account.vendors.update', { id })).form(formFields({})),
      submit: client.post(urlFor('account.vendors.submit', { id })),
      logo: client.delete(urlFor('account.vendors.logo.destroy', { id })),
      invite: client
        .post(urlFor('account.vendors.invitations.store', { id }))
        .form({ email: 'x@example.test' }),
      member: client.delete(
        urlFor('account.vendors.members.destroy', { id, memberId: colleague.id })
      ),
      revision: client.get(urlFor('account.vendors.revisions.show', { id, revisionId: 1 })),
    })

    const theirs = requests(other.id)
    const none = requests(missing)
    for (const label of Object.keys(theirs) as (keyof typeof theirs)[]) {
      const a = await theirs[label].withCsrfToken().loginAs(stranger).redirects(0)
      const b = await none[label].withCsrfToken().loginAs(stranger).redirects(0)
      assert.equal(a.status(), 404, label)
      assert.equal(b.status(), 404, label)
      assert.notInclude(a.text(), 'Anbieter B', label)
    }
  })
})
