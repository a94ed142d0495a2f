import { IncomingMessage } from 'node:http'
import { Socket } from 'node:net'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import HttpExceptionHandler from '#exceptions/handler'
import DetectLocaleMiddleware from '#middleware/detect_locale_middleware'
import { createUser } from '#tests/helpers/users'

/**
 * A 500 cannot be provoked through a public route, so the handler gets an
 * error directly, on a context that went through the same middleware.
 */
async function renderError(error: unknown, url: string) {
  const req = new IncomingMessage(new Socket())
  req.url = url
  req.method = 'GET'
  const ctx = await testUtils.createHttpContext({ req })
  await new DetectLocaleMiddleware().handle(ctx, async () => {})
  await new HttpExceptionHandler().handle(error, ctx)
  return ctx.response
}

test.group('Error pages', () => {
  test('an unexpected error renders the 500 page inside the layout', async ({ assert }) => {
    const response = await renderError(
      new Error('database on fire'),
      urlFor('topics.show', { slug: 'social-media' })
    )
    assert.equal(response.getStatus(), 500)
    const html = String(response.getBody())
    assert.include(html, 'Ein Fehler ist aufgetreten')
    assert.include(html, 'class="site-header"')
    assert.notInclude(html, 'database on fire')
  })

  test('the API answers a 500 in its own error shape, without internals', async ({ assert }) => {
    const response = await renderError(new Error('database on fire'), urlFor('api.v1.topics.index'))
    assert.equal(response.getStatus(), 500)
    assert.deepEqual(response.getBody(), {
      errors: [{ field: null, message: 'Ein Fehler ist aufgetreten' }],
    })
  })
})

test.group('Forbidden', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a member in the editorial area sees the 403 page in the layout', async ({ client }) => {
    const member = await createUser()
    const response = await client.get(urlFor('editorial.queue')).loginAs(member).redirects(0)
    response.assertStatus(403)
    response.assertTextIncludes('Kein Zugriff')
    response.assertTextIncludes('class="site-header"')
  })

  test('the API names a refusal in the reader language', async ({ client }) => {
    const member = await createUser()
    const german = await client
      .get(urlFor('api.v1.editorial.queue'))
      .withGuard('api')
      .loginAs(member)
    german.assertStatus(403)
    german.assertBody({ errors: [{ field: null, message: 'Kein Zugriff' }] })

    // A signed-in user's own language setting decides.
    const englishMember = await createUser({ locale: 'en' })
    const english = await client
      .get(urlFor('api.v1.editorial.queue'))
      .withGuard('api')
      .loginAs(englishMember)
    english.assertBody({ errors: [{ field: null, message: 'Access denied' }] })

    const anonymous = await client.get(urlFor('api.v1.editorial.queue'))
    anonymous.assertStatus(401)
    anonymous.assertBody({ errors: [{ field: null, message: 'Bitte melden Sie sich an.' }] })
  })
})

test.group('Forbidden, with a reason', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an unconfirmed user is told to confirm before creating a vendor', async ({ client }) => {
    const user = await createUser({ confirmed: false })
    const response = await client
      .post(urlFor('account.vendors.store'))
      .form({ name: 'Neu GmbH', postalCode: '06108', city: 'Halle (Saale)' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(403)
    response.assertTextIncludes('Kein Zugriff')
    response.assertTextIncludes('Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse')
  })
})
