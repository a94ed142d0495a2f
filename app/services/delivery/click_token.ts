import encryption from '@adonisjs/core/services/encryption'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { absoluteUrl } from '#services/mail/app_url'
import type { ClickKind } from '#services/delivery/impression_counter'

/** A click token counts for 24 hours; after that it still redirects. */
export const CLICK_TOKEN_TTL_MS = 24 * 60 * 60 * 1000

const PURPOSE = 'placement-click'
const KINDS: readonly ClickKind[] = ['ad', 'box', 'website']

/** What was shown (an ad, a box place, a vendor's website link), where, and where it leads. */
export type Click = {
  kind: ClickKind
  bookingId: number | null
  vendorId: number | null
  topicId: number | null
  target: string
}

export type ClickTokenCheck =
  { status: 'valid' | 'expired'; click: Click; shownAt: Date } | { status: 'invalid' }

/** The payload, short keys: it travels in every link. */
type Payload = {
  k: ClickKind
  b: number | null
  v: number | null
  t: number | null
  u: string
  at: number
}

/** Only http(s) URLs are ever redirected to. */
export function httpTarget(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** Signs a click with the app key (APP_KEY); not encrypted, only tamper-proof. */
export function signClickToken(click: Click, now: Date = new Date()): string {
  const target = httpTarget(click.target)
  if (!target) throw new Error(`A click target must be an http(s) URL: ${click.target}`)
  const payload: Payload = {
    k: click.kind,
    b: click.bookingId,
    v: click.vendorId,
    t: click.topicId,
    u: target,
    at: now.getTime(),
  }
  return encryption.getMessageVerifier().sign(payload, undefined, PURPOSE)
}

/** `/c/<token>`: the link a page of this site shows. */
export function clickUrl(click: Click, now?: Date): string {
  return urlFor('clicks.show', { token: signClickToken(click, now) })
}

/** `https://<APP_URL>/c/<token>`: for embeds and the API, shown on other sites. */
export function absoluteClickUrl(click: Click, now?: Date): string {
  return absoluteUrl(clickUrl(click, now))
}

/**
 * Reads a token: `invalid` when forged, altered or not a click token;
 * `expired` when signed more than 24 hours before `now`.
 */
export function readClickToken(token: string, now: Date = new Date()): ClickTokenCheck {
  const payload = encryption.getMessageVerifier().unsign<Payload>(token, PURPOSE)
  if (!isPayload(payload)) return { status: 'invalid' }
  const target = httpTarget(payload.u)
  if (!target) return { status: 'invalid' }
  const click: Click = {
    kind: payload.k,
    bookingId: payload.b,
    vendorId: payload.v,
    topicId: payload.t,
    target,
  }
  const expired = now.getTime() - payload.at > CLICK_TOKEN_TTL_MS
  return { status: expired ? 'expired' : 'valid', click, shownAt: new Date(payload.at) }
}

function isPayload(value: unknown): value is Payload {
  if (!value || typeof value !== 'object') return false
  const payload = value as Record<string, unknown>
  const id = (entry: unknown) => entry === null || Number.isSafeInteger(entry)
  return (
    KINDS.includes(payload.k as ClickKind) &&
    id(payload.b) &&
    id(payload.v) &&
    id(payload.t) &&
    typeof payload.u === 'string' &&
    Number.isSafeInteger(payload.at)
  )
}
