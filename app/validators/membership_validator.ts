import vine from '@vinejs/vine'
import { MEMBER_ROLES } from '#models/vendor_member'
import { emailAddress } from '#validators/vendor_rules'

/** An owner invites a colleague by e-mail, as owner or member. */
export const invitationValidator = vine.compile(
  vine.object({
    email: emailAddress().toLowerCase(),
    role: vine.enum(MEMBER_ROLES).optional(),
  })
)

/** "Eintrag übernehmen": an optional note for the editors. */
export const claimValidator = vine.compile(
  vine.object({
    message: vine.string().trim().maxLength(2000).nullable().optional(),
  })
)
