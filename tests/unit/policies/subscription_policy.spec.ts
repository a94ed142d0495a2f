import { test } from '@japa/runner'
import { Bouncer } from '@adonisjs/bouncer'
import User from '#models/user'
import SubscriptionPolicy from '#policies/subscription_policy'

test.group('SubscriptionPolicy', () => {
  test('a signed link is the credential, for a guest and a signed-in user alike', async ({
    assert,
  }) => {
    const editor = new User()
    editor.id = 1
    for (const bouncer of [new Bouncer(null), new Bouncer(editor)]) {
      assert.isTrue(await bouncer.with(SubscriptionPolicy).allows('useLink', { signedFor: true }))
      assert.isFalse(await bouncer.with(SubscriptionPolicy).allows('useLink', { signedFor: false }))
    }
  })
})
