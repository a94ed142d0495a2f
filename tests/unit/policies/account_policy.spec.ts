import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import User from '#models/user'
import AccountPolicy from '#policies/account_policy'

function user(id: number, disabled = false) {
  const account = new User()
  account.id = id
  account.disabledAt = disabled ? DateTime.now() : null
  return account
}

test.group('AccountPolicy', () => {
  test('only the holder manages an account, and not while disabled', ({ assert }) => {
    const policy = new AccountPolicy()
    assert.isTrue(policy.manage(user(1), user(1)))
    assert.isFalse(policy.manage(user(1), user(2)))
    assert.isFalse(policy.manage(user(1, true), user(1)))
  })
})
