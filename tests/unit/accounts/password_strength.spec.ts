import { test } from '@japa/runner'
import { isStrongPassword } from '#validators/password_strength'
import { passwordResetValidator } from '#validators/password_reset_validator'

test.group('Password strength', () => {
  test('common, breached and repeated passwords are weak', ({ assert }) => {
    for (const password of [
      'aaaaaaaaaaaa',
      'password1234',
      'passwort12345',
      'qwertzuiop12',
      'hallo1234567',
    ]) {
      assert.isFalse(isStrongPassword(password), password)
    }
  })

  test('long passphrases are strong, the demo password included', ({ assert }) => {
    for (const password of [
      'demo-password-2026',
      'glacier-umbrella-tangent',
      'correct-horse-battery',
    ]) {
      assert.isTrue(isStrongPassword(password), password)
    }
  })

  test("the user's own name and address make a password weak", ({ assert }) => {
    const inputs = ['Erika Mustermann', 'erika.mustermann@example.test']
    assert.isTrue(isStrongPassword('mustermann2026'))
    assert.isFalse(isStrongPassword('mustermann2026', inputs))
    assert.isFalse(isStrongPassword('erikamustermann', inputs))
  })

  test('the reset form keeps the 12-character minimum and refuses weak passwords', async ({
    assert,
  }) => {
    const attempt = (password: string) =>
      passwordResetValidator.validate({ password, password_confirmation: password })

    await assert.rejects(() => attempt('short-pass1'))
    await assert.rejects(() => attempt('password1234'))
    await assert.rejects(() => attempt('aaaaaaaaaaaa'))
    assert.deepEqual(await attempt('glacier-umbrella-tangent'), {
      password: 'glacier-umbrella-tangent',
    })
  })
})
