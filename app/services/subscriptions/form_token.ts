import encryption from '@adonisjs/core/services/encryption'

/**
 * The subscription form posts with no session, so it carries no CSRF token.
 * Instead each rendered form holds this signed, stateless token: the time
 * it was issued, signed with the app key (APP_KEY) for this purpose only.
 * A POST must bring a token we issued within FORM_TOKEN_TTL_MS.
 */
export const FORM_TOKEN_TTL_MS = 6 * 60 * 60 * 1000

const PURPOSE = 'subscription-form'
/** Clocks of several processes may differ a little. */
const CLOCK_SKEW_MS = 60_000

export function issueFormToken(now: Date = new Date()): string {
  return encryption.getMessageVerifier().sign({ at: now.getTime() }, undefined, PURPOSE)
}

export type FormTokenCheck = 'valid' | 'expired' | 'invalid'

export function checkFormToken(token: unknown, now: Date = new Date()): FormTokenCheck {
  if (typeof token !== 'string' || token.length === 0 || token.length > 500) return 'invalid'
  const payload = encryption.getMessageVerifier().unsign<{ at?: unknown }>(token, PURPOSE)
  if (!payload || typeof payload.at !== 'number') return 'invalid'
  const age = now.getTime() - payload.at
  if (age < -CLOCK_SKEW_MS) return 'invalid'
  return age > FORM_TOKEN_TTL_MS ? 'expired' : 'valid'
}
