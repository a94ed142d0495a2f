import factory from '@adonisjs/lucid/factories'
import VendorMember from '#models/vendor_member'
import { UserFactory } from '#database/factories/user_factory'
import { VendorFactory } from '#database/factories/vendor_factory'

/** An owner by default; state 'member' for a colleague. Give vendor and user, or `with` them. */
export const VendorMemberFactory = factory
  .define(VendorMember, () => ({ role: 'owner' as const }))
  .state('member', (member) => {
    member.role = 'member'
  })
  .relation('user', () => UserFactory)
  .relation('vendor', () => VendorFactory)
  .build()
