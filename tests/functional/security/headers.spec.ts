import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import drive from '@adonisjs/drive/services/main'
import DirectoryService from '#services/directory_service'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { hstsFor } from '#config/headers'
import SecurityHeadersMiddleware from '#middleware/security_headers_middleware'
import ContentSecurityPolicyMiddleware from '#middleware/content_security_policy_middleware'

/** The headers every response carries, whatever answered it. */
function assertSecurityHeaders(response: ApiResponse, assert: Assert) {
  assert.equal(response.header('x-content-type-options'), 'nosniff')
  assert.equal(response.header('referrer-policy'), 'strict-origin-when-cross-origin')
  const csp = String(response.header('content-security-policy'))
  assert.include(csp, "frame-ancestors 'none'")
  assert.include(csp, "script-src 'self'")
  assert.include(csp, "default-src 'self'")
  assert.notInclude(csp, 'unsafe-inline')
  assert.notInclude(csp, 'unsafe-eval')
  assert.equal(response.header('x-frame-options'), 'DENY')
  // Tests run outside production: no HSTS.
  assert.notExists(response.header('strict-transport-security'))
}

test.group('Security headers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('{name} carries them')
    .with([
      { name: 'the home page', status: 200, url: () => urlFor('home') },
      { name: 'the topic API', status: 200, url: () => urlFor('api.v1.topics.index') },
      { name: 'a static stylesheet', status: 200, url: () => '/css/app.css' },
      { name: 'the 404 page', status: 404, url: () => '/no-such-page' },
      { name: 'a 404 of the API', status: 404, url: () => '/api/v1/no-such-thing' },
      { name: 'the log-in page', status: 200, url: () => urlFor('auth.login') },
    ])
    .run(async ({ client, assert }, { url, status }) => {
      const response = await client.get(url())
      response.assertStatus(status)
      assertSecurityHeaders(response, assert)
      assert.notEqual(response.header('cache-control'), 'no-store')
    })

  test('an uploaded file carries them', async ({ client, assert }) => {
    drive.fake()
    try {
      await drive.use().put('logos/1-abc.png', Buffer.from('not really a png'))
      const response = await client.get(urlFor('drive.fs.serve', { '*': ['logos', '1-abc.png'] }))
      response.assertStatus(200)
      assert.equal(response.header('content-type'), 'image/png')
      assertSecurityHeaders(response, assert)
    } finally {
      drive.restore()
    }
  })

  test('a 500 page carries them', async ({ client, assert }) => {
    const broken = {
      topicBySlug: async () => {
        throw new Error('database on fire')
      },
    } as unknown as DirectoryService
    app.container.swap(DirectoryService, () => broken)
    try {
      const response = await client.get(urlFor('topics.show', { slug: 'social-media' }))
      response.assertStatus(500)
      response.assertTextIncludes('Ein Fehler ist aufgetreten')
      assertSecurityHeaders(response, assert)
    } finally {
      app.container.restore(DirectoryService)
    }
  })

  test('signed-in pages and API answers are not stored; the same pages signed out may be', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    const account = await client.get(urlFor('account.home')).loginAs(user)
    account.assertStatus(200)
    assert.equal(account.header('cache-control'), 'no-store')
    assertSecurityHeaders(account, assert)

    const me = await client.get(urlFor('api.v1.me')).withGuard('api').loginAs(user)
    me.assertStatus(200)
    assert.equal(me.header('cache-control'), 'no-store')

    // An auth page seen while signed in.
    const forgot = await client.get(urlFor('auth.password.forgot')).loginAs(user)
    forgot.assertStatus(200)
    assert.equal(forgot.header('cache-control'), 'no-store')

    const vendor = await createVendor({ slug: 'offen' })
    const profile = await client.get(urlFor('vendors.show', { slug: vendor.slug }))
    profile.assertStatus(200)
    assert.notExists(profile.header('cache-control'))
  })

  test('the dev mailbox lets captured mails keep their inline styles, and nothing else', async ({
    client,
    assert,
  }) => {
    const response = await client.get(urlFor('dev.mailbox.index'))
    response.assertStatus(200)
    assert.notInclude(String(response.header('content-security-policy')), 'unsafe-inline')

    const mail = await client.get(urlFor('dev.mailbox.show', { id: 'missing' }))
    const csp = String(mail.header('content-security-policy'))
    assert.include(csp, "style-src 'self' 'unsafe-inline'")
    assert.include(csp, "script-src 'self'")
    assert.include(csp, "frame-ancestors 'none'")
  })

  test('HSTS is sent in production only', ({ assert }) => {
    assert.match(hstsFor(true)!, /^max-age=\d{7,}/)
    assert.isNull(hstsFor(false))
  })

  test('a route that may be framed names its parent origins, and drops X-Frame-Options', async ({
    assert,
  }) => {
    const ctx = await testUtils.createHttpContext()
    await new SecurityHeadersMiddleware().handle(ctx, () =>
      new ContentSecurityPolicyMiddleware().handle(ctx, async () => {}, {
        'frame-ancestors': ['https://news.example', 'https://www.news.example'],
      })
    )
    const csp = String(ctx.response.getHeader('content-security-policy'))
    assert.include(csp, 'frame-ancestors https://news.example https://www.news.example')
    assert.notInclude(csp, "frame-ancestors 'none'")
    assert.include(csp, "script-src 'self'")
    assert.notExists(ctx.response.getHeader('x-frame-options'))
    assert.equal(ctx.response.getHeader('x-content-type-options'), 'nosniff')
  })
})
