import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import app from '@adonisjs/core/services/app'
import { Encryption, drivers } from '@adonisjs/core/encryption'
import {
  CLICK_TOKEN_TTL_MS,
  absoluteClickUrl,
  clickUrl,
  readClickToken,
  signClickToken,
  type Click,
} from '#services/delivery/click_token'
import { appUrl } from '#services/mail/app_url'

const ad: Click = {
  kind: 'ad',
  bookingId: 12,
  vendorId: null,
  topicId: 3,
  target: 'https://advertiser.example.com/landing?utm=x',
}
const shownAt = new Date('2027-01-15T10:00:00Z')

/** The token with one character of its payload changed (still valid base64url). */
function altered(token: string) {
  const [payload, signature] = token.split('.')
  const index = Math.floor(payload.length / 2)
  const swapped = payload[index] === 'A' ? 'B' : 'A'
  return `${payload.slice(0, index)}${swapped}${payload.slice(index + 1)}.${signature}`
}

test.group('Delivery / click tokens', () => {
  test('carries what was shown, where, when and the target', ({ assert }) => {
    const token = signClickToken(ad, shownAt)
    const check = readClickToken(token, new Date(shownAt.getTime() + 60_000))
    assert.deepEqual(check, { status: 'valid', click: ad, shownAt })
  })

  test('links to /c/<token>, relative and absolute on APP_URL', ({ assert }) => {
    const path = clickUrl(ad, shownAt)
    assert.equal(path, urlFor('clicks.show', { token: signClickToken(ad, shownAt) }))
    assert.match(path, /^\/c\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    assert.equal(absoluteClickUrl(ad, shownAt), `${appUrl()}${path}`)
  })

  test('expires 24 hours after it was shown, and stays readable', ({ assert }) => {
    const token = signClickToken(ad, shownAt)
    const lastMoment = new Date(shownAt.getTime() + CLICK_TOKEN_TTL_MS)
    assert.equal(readClickToken(token, lastMoment).status, 'valid')
    const later = readClickToken(token, new Date(lastMoment.getTime() + 1))
    assert.equal(later.status, 'expired')
    assert.equal(later.status === 'expired' && later.click.target, ad.target)
  })

  test('refuses altered, truncated and foreign tokens', async ({ assert }) => {
    const token = signClickToken(ad, shownAt)
    assert.equal(readClickToken(altered(token), shownAt).status, 'invalid')
    assert.equal(readClickToken(token.slice(0, -2), shownAt).status, 'invalid')
    assert.equal(readClickToken(`${token}x`, shownAt).status, 'invalid')
    assert.equal(readClickToken('not-a-token', shownAt).status, 'invalid')
    assert.equal(readClickToken('', shownAt).status, 'invalid')

    // The same payload signed with another key (a forger without APP_KEY).
    const foreignKey = drivers.legacy({ keys: ['another-key-that-is-long-enough-0123'] })
    const forger = new Encryption(await foreignKey.resolver(app)).getMessageVerifier()
    const forged = forger.sign(
      { k: 'ad', b: 12, v: null, t: 3, u: 'https://evil.example.com/', at: shownAt.getTime() },
      undefined,
      'placement-click'
    )
    assert.equal(readClickToken(forged, shownAt).status, 'invalid')
  })

  test('only ever carries http(s) targets', ({ assert }) => {
    for (const target of [
      'javascript:alert(1)',
      'data:text/html,hi',
      'ftp://x.example',
      '/local',
    ]) {
      assert.throws(() => signClickToken({ ...ad, target }, shownAt), /http\(s\) URL/)
    }
    const website = signClickToken(
      {
        kind: 'website',
        bookingId: null,
        vendorId: 7,
        topicId: null,
        target: 'http://vendor.example',
      },
      shownAt
    )
    const check = readClickToken(website, shownAt)
    assert.equal(check.status, 'valid')
    assert.equal(check.status === 'valid' && check.click.target, 'http://vendor.example/')
  })
})
