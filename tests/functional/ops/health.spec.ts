import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { SeparateServer, freePort } from '#tests/helpers/separate_server'

test.group('GET /health', () => {
  test('answers 200 with the database latency and the last counter flush, no cookie, not cached', async ({
    client,
    assert,
    cleanup,
  }) => {
    // A counter of this test's own: the process's one may hold counts of earlier tests, and this
    // test has no transaction that a flush of them would be rolled back with.
    const counter = new ImpressionCounter()
    app.container.swap(ImpressionCounter, () => counter)
    cleanup(() => app.container.restore(ImpressionCounter))
    const before = Date.now()
    await counter.flush()

    const response = await client.get(urlFor('health'))
    response.assertStatus(200)
    const body = response.body()
    assert.equal(body.status, 'ok')
    assert.equal(body.checks.database.status, 'ok')
    assert.isNumber(body.checks.database.latencyMs)
    assert.isAtLeast(Date.parse(body.checks.counters.lastFlushAt), before - 1)
    assert.isUndefined(response.header('set-cookie'))
    assert.equal(response.header('cache-control'), 'no-store')
  })

  test('every response carries a request id, the proxy’s own when it sent one', async ({
    client,
    assert,
  }) => {
    const generated = await client.get(urlFor('ping'))
    assert.match(generated.header('x-request-id') ?? '', /^[0-9a-f-]{36}$/)
    const forwarded = await client.get(urlFor('ping')).header('x-request-id', 'proxy-4711')
    assert.equal(forwarded.header('x-request-id'), 'proxy-4711')
  })

  test('the counter reports no flush before its first one', async ({ assert }) => {
    assert.isNull(new ImpressionCounter().lastFlushAt)
  })
})

test.group('GET /health with the database down (separate server)', (group) => {
  // PostgreSQL on a port where nothing listens: the app starts, the check fails.
  const server = new SeparateServer('health-down', { DB_CONNECTION: 'pg', PG_HOST: '127.0.0.1' })
  group.teardown(() => server.stop())

  test('answers 503 with JSON that names the database', async ({ assert }) => {
    server.port = await freePort()
    await server.start({ PG_PORT: String(await freePort()) })
    const response = await fetch(`${server.base}/health`)
    assert.equal(response.status, 503)
    assert.equal(response.headers.get('cache-control'), 'no-store')
    const body = (await response.json()) as any
    assert.equal(body.status, 'error')
    assert.equal(body.checks.database.status, 'error')
    assert.match(body.checks.database.message, /database does not answer/)
  }).timeout(90_000)
})
