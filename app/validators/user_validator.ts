import vine from '@vinejs/vine'
import { plainText } from '#validators/plain_text_rule'
import hash from '@adonisjs/core/services/hash'
import type User from '#models/user'
import { SUPPORTED_LOCALES } from '#services/locale'
import { emailAddress } from '#validators/vendor_rules'
import { strongPasswordRule } from '#validators/password_strength'

export const PASSWORD_MIN_LENGTH = 12

/**
 * A new password: at least 12 characters, not common, breached or easy to
 * guess (zxcvbn), typed twice (`password_confirmation`).
 */
export function newPassword() {
  return vine
    .string()
    .minLength(PASSWORD_MIN_LENGTH)
    .maxLength(200)
    .use(strongPasswordRule())
    .confirmed()
}

/**
 * Sign-up. The address is stored lower-cased. Whether it has an account
 * already is not checked here: the answer must not tell (AccountService).
 */
export const userSignupValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(120).use(plainText()),
    email: emailAddress().toLowerCase(),
    password: newPassword(),
  })
)

/** The account's own settings: name and language of pages and e-mails. */
export const userSettingsValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(120).use(plainText()),
    locale: vine.enum(SUPPORTED_LOCALES),
  })
)

/** The signed-in user's own password, checked against its scrypt hash. */
const currentPasswordRule = vine.createRule(async (value, _options, field) => {
  const user = field.meta.user as User
  if (typeof value !== 'string' || !(await hash.use('scrypt').verify(user.password, value))) {
    field.report('The password is not correct', 'currentPassword', field)
  }
})

/** Deleting the account needs the current password. */
export const userDeleteValidator = vine.withMetaData<{ user: User }>().compile(
  vine.object({
    password: vine.string().use(currentPasswordRule()),
  })
)

/** A new password for the signed-in user: the current one, then the new one twice. */
export const userPasswordChangeValidator = vine.withMetaData<{ user: User }>().compile(
  vine.object({
    current_password: vine.string().use(currentPasswordRule()),
    new_password: newPassword(),
  })
)
