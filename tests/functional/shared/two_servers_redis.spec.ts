import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { UserFactory, DEFAULT_PASSWORD } from '#database/factories/user_factory'
import { SeparateServer, freePort } from '#tests/helpers/separate_server'
import { RedisProcesses } from '#tests/helpers/redis'

/** Shield's hidden `_csrf` input, as a form renders it. */
const CSRF_FIELD = /name=["']_csrf["'] value=["']([^"']+)["']/

/**
 * Two app servers on one database and one Redis (REDIS_HOST set), as two
 * machines would run them: what one process learns, the other knows.
 */
test.group('Two servers sharing Redis (separate servers)', (group) => {
  const redis = new RedisProcesses()
  const sharedEnv = {
    REDIS_HOST: process.env.REDIS_TEST_HOST ?? '127.0.0.1',
    REDIS_PORT: process.env.REDIS_TEST_PORT ?? '6379',
    REDIS_PREFIX: redis.prefix,
    // .env.test keeps sessions in memory; here they live in Redis, as in production.
    SESSION_DRIVER: 'redis',
  }
  const one = new SeparateServer('redis', sharedEnv)
  // The same name: the same database, migrated once by `one`.
  const two = new SeparateServer('redis', sharedEnv)

  group.setup(async () => {
    await one.prepare()
    two.port = await freePort()
    await one.start()
    await two.start()
  })
  group.teardown(async () => {
    await two.stop()
    await one.cleanup()
    redis.connection()
    await redis.cleanup()
  })

  test('GET /health reports Redis', async ({ assert }) => {
    const response = await fetch(`${one.base}/health`)
    const report = (await response.json()) as { checks: Record<string, { status: string }> }
    assert.equal(response.status, 200)
    assert.equal(report.checks.redis.status, 'ok')
    assert.equal(report.checks.database.status, 'ok')
  }).timeout(60_000)

  test('the log-in limit counts attempts on both servers together', async ({ assert }) => {
    const attempt = async (server: SeparateServer, i: number) => {
      const response = await fetch(`${server.base}${urlFor('api.v1.auth.tokens.store')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept': 'application/json' },
        body: JSON.stringify({ email: 'shared-limit@example.test', password: `wrong-${i}` }),
      })
      await response.arrayBuffer()
      return response.status
    }
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) statuses.push(await attempt(i % 2 === 0 ? one : two, i))
    // Five checked in all (three on one server, two on the other), then refused on both.
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429])
  }).timeout(60_000)

  test('a session opened on one server is known to the other, and its log-out ends it there', async ({
    assert,
  }) => {
    const user = await UserFactory.connection('redis')
      .merge({ email: 'two-servers@example.test' })
      .create()

    // Log in on the first server, with its CSRF token.
    const form = await fetch(`${one.base}${urlFor('auth.login')}`)
    const cookie = cookiesOf(form)
    const token = CSRF_FIELD.exec(await form.text())?.[1] ?? ''
    const login = await fetch(`${one.base}${urlFor('auth.login.store')}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: token, email: user.email, password: DEFAULT_PASSWORD }),
    })
    assert.equal(login.status, 302)
    const session = mergeCookies(cookie, cookiesOf(login))

    // The second server reads the same session from Redis.
    const account = await fetch(`${two.base}${urlFor('account.home')}`, {
      redirect: 'manual',
      headers: { cookie: session },
    })
    const page = await account.text()
    assert.equal(account.status, 200)
    assert.include(page, user.email)

    // Log out on the second server; the first no longer knows the session.
    const csrf = CSRF_FIELD.exec(page)?.[1] ?? ''
    const logout = await fetch(`${two.base}${urlFor('auth.logout')}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'cookie': session },
      body: new URLSearchParams({ _csrf: csrf }),
    })
    assert.equal(logout.status, 302)
    const after = await fetch(`${one.base}${urlFor('account.home')}`, {
      redirect: 'manual',
      headers: { cookie: session },
    })
    await after.arrayBuffer()
    assert.equal(after.status, 302)
    assert.include(after.headers.get('location') ?? '', urlFor('auth.login'))
  }).timeout(60_000)
})

/** The cookies a response sets, as one Cookie header. */
function cookiesOf(response: Response) {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
}

/** Cookie headers merged as a browser would: a later value replaces an earlier one. */
function mergeCookies(...headers: string[]) {
  const jar = new Map<string, string>()
  for (const header of headers) {
    for (const pair of header.split('; ').filter(Boolean)) {
      jar.set(pair.slice(0, pair.indexOf('=')), pair)
    }
  }
  return [...jar.values()].join('; ')
}
