import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditLog from '#models/audit_log'
import User from '#models/user'
import { createUser, DEFAULT_PASSWORD } from '#tests/helpers/users'

test.group('Editorial / users', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('admins see every account with role and status', async ({ client, assert }) => {
    const admin = await createUser({ role: 'admin', name: 'Ada Admin' })
    const editor = await createUser({ role: 'editor', name: 'Erika Editor' })
    await createUser({ name: 'Mia <i>Member</i>', disabled: true })

    const response = await client.get(urlFor('editorial.users.index')).loginAs(admin)

    response.assertStatus(200)
    response.assertTextIncludes('Erika Editor')
    response.assertTextIncludes('Mia &lt;i&gt;Member&lt;/i&gt;')
    response.assertTextIncludes('gesperrt')
    response.assertTextIncludes('Ihr Konto')
    response.assertTextIncludes(`action="${urlFor('editorial.users.role', { id: editor.id })}"`)
    assert.notInclude(
      response.text(),
      `action="${urlFor('editorial.users.role', { id: admin.id })}"`
    )
  })

  test('an admin changes a role; the change is audited with before and after', async ({
    client,
    assert,
  }) => {
    const admin = await createUser({ role: 'admin' })
    const user = await createUser()

    const response = await client
      .post(urlFor('editorial.users.role', { id: user.id }))
      .form({ role: 'editor' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', urlFor('editorial.users.index'))
    await user.refresh()
    assert.equal(user.role, 'editor')
    const entry = await AuditLog.query().where('action', 'user.role').firstOrFail()
    assert.equal(entry.subjectType, 'user')
    assert.equal(entry.subjectId, user.id)
    assert.equal(entry.actorId, admin.id)
    assert.deepEqual(entry.before, { role: 'member' })
    assert.deepEqual(entry.after, { role: 'editor' })

    const promoted = await client.get(urlFor('editorial.queue')).loginAs(user)
    promoted.assertStatus(200)

    const invalid = await client
      .post(urlFor('editorial.users.role', { id: user.id }))
      .form({ role: 'superuser' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    invalid.assertStatus(302)
    await user.refresh()
    assert.equal(user.role, 'editor')
  })

  test('an admin cannot demote or disable themselves', async ({ client, assert }) => {
    const admin = await createUser({ role: 'admin' })

    const demote = await client
      .post(urlFor('editorial.users.role', { id: admin.id }))
      .form({ role: 'member' })
      .header('referer', urlFor('editorial.users.index'))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    demote.assertFlashMessage(
      'alert',
      'Ihre eigene Rolle können Sie nicht ändern und Ihr eigenes Konto nicht sperren.'
    )

    const disable = await client
      .post(urlFor('editorial.users.disable', { id: admin.id }))
      .header('referer', urlFor('editorial.users.index'))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    disable.assertStatus(302)

    await admin.refresh()
    assert.equal(admin.role, 'admin')
    assert.isNull(admin.disabledAt)
    assert.lengthOf(await AuditLog.all(), 0)
  })

  test('a disabled user cannot log in or use tokens; enabling lets them back', async ({
    client,
    assert,
  }) => {
    const admin = await createUser({ role: 'admin' })
    const user = await createUser({ email: 'mia@example.test' })
    const token = await User.accessTokens.create(user)

    await client
      .post(urlFor('editorial.users.disable', { id: user.id }))
      .loginAs(admin)
      .withCsrfToken()

    await user.refresh()
    assert.isNotNull(user.disabledAt)
    assert.lengthOf(await User.accessTokens.all(user), 0)
    const me = await client.get(urlFor('api.v1.me')).bearerToken(token.value!.release())
    me.assertStatus(401)
    const login = await client
      .post(urlFor('auth.login.store'))
      .form({ email: 'mia@example.test', password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    login.assertSessionMissing('auth_web')

    await client
      .post(urlFor('editorial.users.enable', { id: user.id }))
      .loginAs(admin)
      .withCsrfToken()
    await user.refresh()
    assert.isNull(user.disabledAt)
    const again = await client
      .post(urlFor('auth.login.store'))
      .form({ email: 'mia@example.test', password: DEFAULT_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    again.assertSession('auth_web', user.id)

    const actions = await AuditLog.query().where('subject_id', user.id).orderBy('id', 'asc')
    assert.deepEqual(
      actions.map((entry) => entry.action),
      ['user.disable', 'user.enable']
    )
  })
})
