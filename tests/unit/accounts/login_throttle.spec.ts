import { test } from '@japa/runner'
import { setTimeout as sleep } from 'node:timers/promises'
import limiter from '@adonisjs/limiter/services/main'
import LoginThrottle, { LOGIN_LIMITS, throttleKeys } from '#services/accounts/login_throttle'

const IP = '198.51.100.7'

const fail = async () => {
  throw new Error('wrong password')
}

/** A password check that takes a while, as scrypt does. */
const slowFail = async () => {
  await sleep(20)
  throw new Error('wrong password')
}

test.group('Log-in throttle', (group) => {
  group.each.setup(() => limiter.clear(['memory']))

  test('keys: the lower-cased, trimmed address, alone and with the IP; the IP alone', ({
    assert,
  }) => {
    assert.deepEqual(throttleKeys('  Erika@Example.TEST ', IP), {
      ip: `login-ip:${IP}`,
      address: 'login:erika@example.test',
      addressAndIp: `login:erika@example.test:${IP}`,
    })
    assert.deepEqual(throttleKeys('erika@example.test', IP), throttleKeys('ERIKA@EXAMPLE.TEST', IP))
  })

  test('5 failures block the address from that IP, even for a right attempt', async ({
    assert,
  }) => {
    const throttle = new LoginThrottle()

    for (let i = 0; i < 5; i++) {
      await assert.rejects(() => throttle.attempt('erika@example.test', IP, fail), 'wrong password')
    }
    const blocked = await throttle.attempt('ERIKA@example.test', IP, async () => 'signed in')

    assert.isTrue(blocked.throttled)
    assert.equal(blocked.throttled && blocked.scope, 'addressAndIp')
    assert.isAbove(blocked.throttled ? blocked.retryAfterSeconds : 0, 14 * 60)
    assert.deepEqual(await throttle.attempt('other@example.test', IP, async () => 'ok'), {
      throttled: false,
      result: 'ok',
    })
  })

  test('an attacker blocking the address from their IP does not lock the owner out', async ({
    assert,
  }) => {
    const throttle = new LoginThrottle()
    for (let i = 0; i < 6; i++) {
      await throttle.attempt('owner@example.test', IP, fail).catch(() => null)
    }

    const owner = await throttle.attempt('owner@example.test', '203.0.113.9', async () => 'in')
    assert.deepEqual(owner, { throttled: false, result: 'in' })
  })

  test('the address alone is blocked after its looser limit, across many IPs', async ({
    assert,
  }) => {
    const throttle = new LoginThrottle()
    for (let i = 0; i < LOGIN_LIMITS.address.requests; i++) {
      await assert.rejects(() => throttle.attempt('owner@example.test', `10.0.${i}.1`, fail))
    }

    const next = await throttle.attempt('owner@example.test', '10.9.9.9', async () => 'in')
    assert.isTrue(next.throttled)
    assert.equal(next.throttled && next.scope, 'address')
  })

  test('one IP trying many addresses is stopped by the IP limit', async ({ assert }) => {
    const throttle = new LoginThrottle()
    for (let i = 0; i < LOGIN_LIMITS.ip.requests; i++) {
      await assert.rejects(() => throttle.attempt(`user${i}@example.test`, IP, fail))
    }

    const next = await throttle.attempt('fresh@example.test', IP, async () => 'in')
    assert.isTrue(next.throttled)
    assert.equal(next.throttled && next.scope, 'ip')
    const elsewhere = await throttle.attempt('fresh@example.test', '192.0.2.1', async () => 'in')
    assert.isFalse(elsewhere.throttled)
  })

  test('40 parallel attempts: exactly 5 reach the password check', async ({ assert }) => {
    const throttle = new LoginThrottle()
    let checked = 0
    const attempts = Array.from({ length: 40 }, () =>
      throttle
        .attempt('target@example.test', IP, async () => {
          checked++
          return slowFail()
        })
        .catch(() => 'failed' as const)
    )

    const results = await Promise.all(attempts)
    assert.equal(checked, 5)
    assert.equal(results.filter((r) => r === 'failed').length, 5)
    assert.equal(results.filter((r) => r !== 'failed' && r.throttled).length, 35)
  })

  test('a success resets the count; clear() lifts a block', async ({ assert }) => {
    const throttle = new LoginThrottle()
    const succeeds = async (result: number) => {
      const outcome = await throttle.attempt('anna@example.test', IP, async () => result)
      return outcome.throttled
    }

    for (let i = 0; i < 4; i++)
      await assert.rejects(() => throttle.attempt('anna@example.test', IP, fail))
    assert.isFalse(await succeeds(1))
    for (let i = 0; i < 4; i++)
      await assert.rejects(() => throttle.attempt('anna@example.test', IP, fail))
    assert.isFalse(await succeeds(2))

    for (let i = 0; i < 5; i++)
      await assert.rejects(() => throttle.attempt('anna@example.test', IP, fail))
    assert.isTrue(await succeeds(3))
    await throttle.clear('Anna@Example.test', IP)
    assert.isFalse(await succeeds(4))
  })
})
