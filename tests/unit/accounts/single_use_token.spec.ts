import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import { generateToken, hashToken, isUsable } from '#services/accounts/single_use_token'

test.group('Single-use tokens', () => {
  test('a token is 32 random bytes, URL-safe, and stored only as its SHA-256', ({ assert }) => {
    const { token, hash } = generateToken()

    assert.match(token, /^[A-Za-z0-9_-]{43}$/)
    assert.equal(Buffer.from(token, 'base64url').length, 32)
    assert.equal(hash, createHash('sha256').update(token).digest('hex'))
    assert.equal(hashToken(token), hash)
    assert.notInclude(hash, token)
  })

  test('no two tokens are alike', ({ assert }) => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateToken().token))

    assert.equal(tokens.size, 1000)
  })

  test('a token is usable until it expires or is used', ({ assert }) => {
    const now = DateTime.fromISO('2026-03-01T12:00:00Z')
    const fresh = { expiresAt: now.plus({ hours: 1 }), usedAt: null }

    assert.isTrue(isUsable(fresh, now))
    assert.isTrue(isUsable(fresh, now.plus({ minutes: 59 })))
    assert.isFalse(isUsable(fresh, now.plus({ hours: 1 })))
    assert.isFalse(isUsable(fresh, now.plus({ hours: 2 })))
    assert.isFalse(isUsable({ ...fresh, usedAt: now.minus({ minutes: 1 }) }, now))
  })
})
