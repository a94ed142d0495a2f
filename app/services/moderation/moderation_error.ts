import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

export const MODERATION_ERRORS = {
  not_pending: 409,
  wrong_status: 409,
  own_account: 403,
} as const
export type ModerationErrorKey = keyof typeof MODERATION_ERRORS

/**
 * A decision that the current state does not allow: deciding twice, a
 * status move that makes no sense, an admin locking themselves out.
 * Pages get the message flashed and go back; the JSON API answers with the
 * status (409 or 403) in its error shape.
 */
export default class ModerationError extends Exception {
  static code = 'E_MODERATION'

  constructor(public key: ModerationErrorKey) {
    super(ENGLISH[key], { status: MODERATION_ERRORS[key], code: 'E_MODERATION' })
  }

  async handle(error: this, ctx: HttpContext) {
    const message = ctx.i18n.t(`editorial.errors.${error.key}`)
    if ('session' in ctx && ctx.session && ctx.request.accepts(['html', 'json']) !== 'json') {
      ctx.session.flash('alert', message)
      return ctx.response.redirect().back()
    }
    return ctx.response.status(error.status).send({ errors: [{ field: null, message }] })
  }
}

/** The exception's own message (logs); responses use editorial.errors.* in the user's language. */
const ENGLISH: Record<ModerationErrorKey, string> = {
  not_pending: 'This was already decided',
  wrong_status: 'The vendor is not in a status that allows this',
  own_account: 'You cannot change your own role or disable your own account',
}
