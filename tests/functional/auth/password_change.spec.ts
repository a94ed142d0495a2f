import { test } from '@japa/runner'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import limiter from '@adonisjs/limiter/services/main'
import type { ApiClient } from '@japa/api-client'
import { createUser, DEFAULT_PASSWORD } from '#tests/helpers/users'

const NEW_PASSWORD = 'glacier-umbrella-tangent'

async function signIn(client: ApiClient, email: string, ip: string) {
  const response = await client
    .post(urlFor('auth.login.store'))
    .header('x-forwarded-for', ip)
    .form({ email, password: DEFAULT_PASSWORD })
    .withCsrfToken()
    .redirects(0)
  return response.session() as Record<string, any>
}

test.group('Changing the password', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))

  test('a new password keeps this session and ends every other one', async ({ client, assert }) => {
    const user = await createUser()
    const here = await signIn(client, user.email, '198.51.100.1')
    const elsewhere = await signIn(client, user.email, '198.51.100.2')

    const page = await client.get(urlFor('account.home')).withSession(here)
    page.assertTextIncludes(`action="${urlFor('account.password.update')}"`)
    page.assertTextIncludes('name="new_password_confirmation"')

    const response = await client
      .post(urlFor('account.password.update'))
      .withSession(here)
      .form({
        current_password: DEFAULT_PASSWORD,
        new_password: NEW_PASSWORD,
        new_password_confirmation: NEW_PASSWORD,
      })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', urlFor('account.home'))
    response.assertFlashMessage(
      'notice',
      'Ihr Passwort ist geändert. Auf allen anderen Geräten sind Sie jetzt abgemeldet.'
    )
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, NEW_PASSWORD))

    const stays = await client
      .get(urlFor('account.home'))
      .withSession(response.session())
      .redirects(0)
    stays.assertStatus(200)
    const ended = await client.get(urlFor('account.home')).withSession(elsewhere).redirects(0)
    ended.assertHeader('location', urlFor('auth.login'))
  })

  test('a wrong current password or a weak new one changes nothing', async ({ client, assert }) => {
    const user = await createUser({ name: 'Erika Mustermann' })

    const wrong = await client
      .post(urlFor('account.password.update'))
      .loginAs(user)
      .form({
        current_password: 'not-my-password',
        new_password: NEW_PASSWORD,
        new_password_confirmation: NEW_PASSWORD,
      })
      .withCsrfToken()
      .redirects(0)
    wrong.assertValidationError('current_password', 'Das Passwort stimmt nicht.')

    for (const password of ['password1234', 'mustermann2026']) {
      const weak = await client
        .post(urlFor('account.password.update'))
        .loginAs(user)
        .form({
          current_password: DEFAULT_PASSWORD,
          new_password: password,
          new_password_confirmation: password,
        })
        .withCsrfToken()
        .redirects(0)
      weak.assertValidationError(
        'new_password',
        'Dieses Passwort ist zu leicht zu erraten: Es ist verbreitet, tauchte in Datenlecks auf oder enthält Ihren Namen. Wählen Sie bitte ein anderes, zum Beispiel mehrere Wörter mit Bindestrichen.'
      )
    }
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, DEFAULT_PASSWORD))
  })
})
