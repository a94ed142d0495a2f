import { test } from '@japa/runner'
import User from '#models/user'
import Vendor from '#models/vendor'
import VendorMember from '#models/vendor_member'
import UserTransformer from '#transformers/user_transformer'
import { apiJson } from '#tests/helpers/api_json'

function membership(vendorName: string, slug: string, role: 'owner' | 'member') {
  const member = new VendorMember().merge({ role })
  member.$setRelated('vendor', new Vendor().merge({ name: vendorName, slug }))
  return member
}

test.group('Transformers / user', () => {
  test('GET /api/v1/me: the account and its vendors by name, German order', async ({ assert }) => {
    const user = new User().merge({
      id: 7,
      name: 'Vera Vendor',
      email: 'vera@example.test',
      password: 'never-shown',
      role: 'member',
      locale: 'en',
    })
    user.$setRelated('memberships', [
      membership('Zeta AG', 'zeta-ag', 'member'),
      membership('Ärztenetz GmbH', 'aerztenetz-gmbh', 'owner'),
      membership('Beta GmbH', 'beta-gmbh', 'member'),
    ])

    assert.deepEqual(await apiJson(UserTransformer.transform(user)), {
      data: {
        id: 7,
        email: 'vera@example.test',
        name: 'Vera Vendor',
        role: 'member',
        locale: 'en',
        vendors: [
          { slug: 'aerztenetz-gmbh', name: 'Ärztenetz GmbH', role: 'owner' },
          { slug: 'beta-gmbh', name: 'Beta GmbH', role: 'member' },
          { slug: 'zeta-ag', name: 'Zeta AG', role: 'member' },
        ],
      },
    })
  })
})
