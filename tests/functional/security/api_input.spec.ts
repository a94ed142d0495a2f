import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import i18nManager from '@adonisjs/i18n/services/main'
import { errors as vineErrors } from '@vinejs/vine'
import Topic from '#models/topic'
import { createUser, DEFAULT_PASSWORD } from '#tests/helpers/users'
import { ownedVendor } from '#tests/helpers/vendor_accounts'
import { userSettingsValidator, userSignupValidator } from '#validators/user_validator'

const MALFORMED_DE = 'Die Anfrage konnte nicht gelesen werden. Bitte senden Sie gültiges JSON.'
const MALFORMED_EN = 'The request could not be read. Please send valid JSON.'
const UNSUPPORTED_DE =
  'Diese Art von Anfrage nimmt die Adresse nicht an. Bitte senden Sie JSON (Content-Type: application/json) bzw. ein Formular ohne Datei.'
const NAME_DE =
  '„Name“ darf keine Steuerzeichen (etwa Zeilenumbrüche) und keine Zeichen enthalten, die die Schreibrichtung umkehren.'
const NAME_EN =
  '“Name” must not contain control characters (such as line breaks) or characters that reverse the text direction.'

/** Names that hide or reverse what they show. */
const DISGUISED_NAMES = [
  'Firma\u202Egpj.exe',
  'Firma\u202A GmbH',
  'Firma\u2066 GmbH\u2069',
  'Firma\u2067 GmbH',
  'Zeile\nzwei',
  'Tab\tGmbH',
  'Null\u0000GmbH',
  'C1\u0085GmbH',
]

test.group('API input / content types', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a write with a {name} body gets 415')
    .with([
      { name: 'text/plain', type: 'text/plain', body: 'email=a@example.com' },
      { name: 'form', type: 'application/x-www-form-urlencoded', body: 'email=a%40example.com' },
      { name: 'XML', type: 'application/xml', body: '<email>a@example.com</email>' },
    ])
    .run(async ({ client }, { type, body }) => {
      const response = await client
        .post(urlFor('api.v1.auth.tokens.store'))
        .unsafeJson(body)
        .type(type)
      response.assertStatus(415)
      response.assertBody({ errors: [{ field: null, message: UNSUPPORTED_DE }] })
    })

  test('a JSON write and a write without a body still go through', async ({ client }) => {
    const user = await createUser({ email: 'json@example.com' })
    const token = await client
      .post(urlFor('api.v1.auth.tokens.store'))
      .json({ email: user.email, password: DEFAULT_PASSWORD })
    token.assertStatus(201)

    const logout = await client
      .delete(urlFor('api.v1.auth.tokens.destroy'))
      .bearerToken(token.body().data.token)
    logout.assertStatus(204)
  })
})

test.group('API input / malformed JSON', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('{name} gets a plain 400 without the parser message')
    .with([
      { name: 'broken JSON', body: '{"email": "a@example.com", ' },
      { name: 'a bare string', body: '"just a string"' },
      { name: 'trailing garbage', body: '{"email": "a@example.com"} xyz' },
      {
        name: 'JSON nested 5,000 deep',
        body: `{"email":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      },
      {
        name: 'JSON nested 40 deep',
        body: `{"email":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`,
      },
    ])
    .run(async ({ client, assert }, { body }) => {
      const response = await client
        .post(urlFor('api.v1.auth.tokens.store'))
        .type('application/json')
        .unsafeJson(body)
      response.assertStatus(400)
      response.assertBody({ errors: [{ field: null, message: MALFORMED_DE }] })
      assert.notMatch(response.text(), /Unexpected|position|stack|JSON\.parse/)
    })

  test('the message speaks English to English clients', async ({ client }) => {
    const response = await client
      .post(urlFor('api.v1.auth.tokens.store'))
      .header('accept-language', 'en')
      .type('application/json')
      .unsafeJson('{')
    response.assertStatus(400)
    response.assertBody({ errors: [{ field: null, message: MALFORMED_EN }] })
  })
})

test.group('Names refuse control and bidi-override characters', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the vendor API answers 422 on the name field', async ({ client, assert }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })
    for (const name of DISGUISED_NAMES) {
      const response = await client
        .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
        .json({ name })
        .withGuard('api')
        .loginAs(owner)
      response.assertStatus(422)
      assert.deepEqual(response.body(), { errors: [{ field: 'name', message: NAME_DE }] }, name)
    }
    // Signed-in users read messages in their own language.
    owner.locale = 'en'
    await owner.save()
    const english = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ name: 'Firma\u202Egpj.exe' })
      .withGuard('api')
      .loginAs(owner)
    english.assertBody({ errors: [{ field: 'name', message: NAME_EN }] })

    // Ordinary names with accents, ampersands and emoji are fine.
    const fine = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ name: 'Müller & Söhne – Café ☕' })
      .withGuard('api')
      .loginAs(owner)
    fine.assertStatus(200)
    await vendor.refresh()
    assert.equal(vendor.name, 'Müller & Söhne – Café ☕')
  })

  test('the topic form refuses such a topic name by its field', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const response = await client
      .post(urlFor('editorial.topics.store'))
      .form({ name: 'Open\u202EData' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', { name: [NAME_DE] })
    assert.isNull(await Topic.findBy('name', 'Open\u202EData'))
  })

  test('user names at sign-up and in the settings refuse them too', async ({ assert }) => {
    const messagesProvider = i18nManager.locale('de').createMessagesProvider()
    for (const validator of [userSettingsValidator, userSignupValidator]) {
      const error = await validator
        .validate(
          {
            name: 'Erika\u202EMustermann',
            locale: 'de',
            email: 'erika@example.com',
            password: 'a long passphrase 2026',
            password_confirmation: 'a long passphrase 2026',
          },
          { messagesProvider }
        )
        .catch((caught) => caught)
      assert.instanceOf(error, vineErrors.E_VALIDATION_ERROR)
      assert.deepInclude(error.messages, { field: 'name', message: NAME_DE, rule: 'plainText' })
    }
  })
})
