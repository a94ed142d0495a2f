import vine from '@vinejs/vine'
import { emailAddress } from '#validators/vendor_rules'
import { newPassword } from '#validators/user_validator'

export const passwordForgotValidator = vine.compile(
  vine.object({
    email: emailAddress(),
  })
)

export const passwordResetValidator = vine.compile(
  vine.object({
    password: newPassword(),
  })
)
