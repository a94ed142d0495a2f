import vine from '@vinejs/vine'
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as de from '@zxcvbn-ts/language-de'
import * as en from '@zxcvbn-ts/language-en'

/**
 * zxcvbn's score (0–4) a new password needs. 3 means "safely unguessable"
 * for an online attack: it refuses common and breached passwords
 * (`password1234`), repetitions (`aaaaaaaaaaaa`), keyboard walks and the
 * user's own name or address, in German and English.
 */
export const MIN_PASSWORD_SCORE = 3

let configured = false
function configure() {
  if (configured) return
  zxcvbnOptions.setOptions({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...de.dictionary, ...en.dictionary },
  })
  configured = true
}

/** Whether a password is hard enough to guess; `userInputs` are the user's own words. */
export function isStrongPassword(password: string, userInputs: string[] = []): boolean {
  configure()
  const words = userInputs.flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u))
  return (
    zxcvbn(
      password,
      words.filter((word) => word.length > 2)
    ).score >= MIN_PASSWORD_SCORE
  )
}

/**
 * Vine rule: refuses weak passwords. The name and e-mail beside it (sign-up)
 * or of the signed-in user (`meta.user`, password change) count as guessable.
 */
export const strongPasswordRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const parent = (field.parent ?? {}) as Record<string, unknown>
  const user = (field.meta?.user ?? {}) as Record<string, unknown>
  const inputs = [parent.name, parent.email, user.name, user.email].filter(
    (v): v is string => typeof v === 'string'
  )
  if (!isStrongPassword(value, inputs)) {
    field.report('This password is too easy to guess', 'strongPassword', field)
  }
})
