import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import LoginThrottle, { throttleKey } from '#services/accounts/login_throttle'

/** Whether a successful attempt for anna@example.test was throttled. */
async function throttled(throttle: LoginThrottle, result: number) {
  const attempt = await throttle.attempt('anna@example.test', async () => result)
  return attempt.throttled
}

const fail = async () => {
  throw new Error('wrong password')
}

test.group('Log-in throttle', (group) => {
  group.each.setup(() => limiter.clear(['memory']))

  test('the key is the lower-cased, trimmed address, never an IP', ({ assert }) => {
    assert.equal(throttleKey('  Erika@Example.TEST '), 'login:erika@example.test')
    assert.equal(throttleKey('erika@example.test'), throttleKey('ERIKA@EXAMPLE.TEST'))
    assert.notEqual(throttleKey('a@example.test'), throttleKey('b@example.test'))
  })

  test('5 failures block the address, even for a right attempt', async ({ assert }) => {
    const throttle = new LoginThrottle()

    for (let i = 0; i < 5; i++) {
      await assert.rejects(() => throttle.attempt('erika@example.test', fail), 'wrong password')
    }
    const blocked = await throttle.attempt('ERIKA@example.test', async () => 'signed in')

    assert.isTrue(blocked.throttled)
    assert.isAbove(blocked.throttled ? blocked.retryAfterSeconds : 0, 14 * 60)
    assert.deepEqual(await throttle.attempt('other@example.test', async () => 'ok'), {
      throttled: false,
      result: 'ok',
    })
  })

  test('a success resets the count; clear() lifts a block', async ({ assert }) => {
    const throttle = new LoginThrottle()

    for (let i = 0; i < 4; i++) {
      await assert.rejects(() => throttle.attempt('anna@example.test', fail))
    }
    assert.isFalse(await throttled(throttle, 1))
    for (let i = 0; i < 4; i++) {
      await assert.rejects(() => throttle.attempt('anna@example.test', fail))
    }
    assert.isFalse(await throttled(throttle, 2))

    for (let i = 0; i < 5; i++) {
      await assert.rejects(() => throttle.attempt('anna@example.test', fail))
    }
    assert.isTrue(await throttled(throttle, 3))
    await throttle.clear('Anna@Example.test')
    assert.deepEqual(await throttle.attempt('anna@example.test', async () => 4), {
      throttled: false,
      result: 4,
    })
  })
})
