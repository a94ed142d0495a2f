import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import VendorInvitation from '#models/vendor_invitation'
import { INVITATION_DAYS } from '#services/vendors/membership_service'
import { generateToken } from '#services/accounts/single_use_token'
import { VendorFactory } from '#database/factories/vendor_factory'

let sequence = 0

/**
 * An open invitation as a member, valid as long as MembershipService makes
 * them. Its token is unknown (only the hash is stored): tests that follow
 * the link invite through the app. States: 'accepted', 'expired'.
 */
export const VendorInvitationFactory = factory
  .define(VendorInvitation, () => {
    sequence += 1
    return {
      invitedById: null,
      email: `invited-${Date.now().toString(36)}-${sequence}@example.test`,
      role: 'member' as const,
      tokenHash: generateToken().hash,
      expiresAt: DateTime.now().plus({ days: INVITATION_DAYS }),
      acceptedAt: null,
    }
  })
  .state('accepted', (invitation) => {
    invitation.acceptedAt = DateTime.now()
  })
  .state('expired', (invitation) => {
    invitation.expiresAt = DateTime.now().minus({ minutes: 1 })
  })
  .relation('vendor', () => VendorFactory)
  .build()
