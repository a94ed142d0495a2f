import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { clickUrl } from '#services/delivery/click_token'
import { SeparateServer, freePort } from '#tests/helpers/separate_server'

/**
 * The server as an operator starts it: a real process with NODE_ENV=production
 * and only the variables given here (nothing inherited from the test run).
 */
async function startInProduction(env: NodeJS.ProcessEnv) {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.js'], {
    cwd: app.appRoot,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: 'pipe',
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearTimeout(timer)
  return { code, stdout, lines: stderr.split('\n').filter((line) => line.trim() !== '') }
}

const APP_KEY = 'production-test-key-0123456789abcdef-0123'

test.group('Production start: a wrong configuration stops it with one line', () => {
  test('no APP_KEY', async ({ assert }) => {
    const { code, lines } = await startInProduction({
      DB_CONNECTION: 'sqlite',
      SQLITE_FILE: '/tmp/never-created.sqlite3',
    })
    assert.equal(code, 1)
    assert.deepEqual(lines, ['Cannot start the server: Missing environment variable "APP_KEY"'])
  }).timeout(40_000)

  test('PostgreSQL without DATABASE_URL or PG_HOST', async ({ assert }) => {
    const { code, lines } = await startInProduction({ APP_KEY, DB_CONNECTION: 'pg' })
    assert.equal(code, 1)
    assert.deepEqual(lines, [
      'Cannot start the server: DB_CONNECTION=pg needs DATABASE_URL, or PG_HOST and PG_DB_NAME, in production.',
    ])
  }).timeout(40_000)

  test('SQLite (the default) without SQLITE_FILE', async ({ assert }) => {
    const { code, lines } = await startInProduction({ APP_KEY })
    assert.equal(code, 1)
    assert.deepEqual(lines, [
      'Cannot start the server: SQLITE_FILE must be set in production (an absolute path outside build/).',
    ])
  }).timeout(40_000)

  test('WEB_CONCURRENCY=2 on SQLite', async ({ assert }) => {
    const { code, lines } = await startInProduction({
      APP_KEY,
      DB_CONNECTION: 'sqlite',
      SQLITE_FILE: '/tmp/never-created.sqlite3',
      WEB_CONCURRENCY: '2',
    })
    assert.equal(code, 1)
    assert.equal(lines.length, 1)
    assert.match(
      lines[0],
      /^Cannot start the server: WEB_CONCURRENCY > 1 is not supported on SQLite/
    )
  }).timeout(40_000)
})

test.group('Production start: a cluster whose workers cannot start', () => {
  test('stops with exit code 1 instead of restarting them', async ({ assert }) => {
    // The environment is valid, so the primary forks; each worker then refuses (no APP_URL).
    const { code, lines, stdout } = await startInProduction({
      APP_KEY,
      APP_URL: undefined,
      DB_CONNECTION: 'pg',
      PG_HOST: '127.0.0.1',
      PG_DB_NAME: 'never_connected',
      WEB_CONCURRENCY: '2',
      LOG_LEVEL: 'info',
    })
    assert.equal(code, 1)
    assert.isAtLeast(lines.length, 1)
    for (const line of lines) assert.match(line, /^Cannot start the server: .*APP_URL/)
    assert.include(stdout, 'could not start; stopping')
  }).timeout(40_000)
})

/** GET /health over a new connection each time, so the cluster may pick any worker. */
function healthWorker(base: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const call = request(`${base}/health`, { agent: false }, (response) => {
      let body = ''
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => resolve(JSON.parse(body).worker))
    })
    call.on('error', reject)
    call.end()
  })
}

/**
 * The worker ids that answer GET /health until `expected` all did or the
 * deadline passed. The server counts as started once one worker answers; the
 * others may still be booting, so this waits for them instead of sampling once.
 */
async function workersAnswering(server: SeparateServer, expected: number[], deadline: number) {
  const ids = new Set<number | null>()
  while (Date.now() < deadline && !expected.every((id) => ids.has(id))) {
    ids.add(await healthWorker(server.base))
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return ids
}

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
const BOOKING_ID = 5151

async function click(server: SeparateServer, path: string) {
  try {
    const response = await fetch(`${server.base}${path}`, {
      redirect: 'manual',
      headers: { 'user-agent': FIREFOX },
    })
    await response.arrayBuffer()
    return response.status
  } catch {
    return 0 // refused: the workers had stopped accepting
  }
}

/**
 * WEB_CONCURRENCY > 1 needs PostgreSQL (SQLite refuses it, see above), so
 * these run in the PostgreSQL suite (`DB_CONNECTION=pg npm test`).
 */
if (process.env.DB_CONNECTION === 'pg') {
  test.group('Cluster: WEB_CONCURRENCY=2 on PostgreSQL (separate server)', (group) => {
    const server = new SeparateServer('cluster', {
      WEB_CONCURRENCY: '2',
      // Counts reach the database only through the flush on the way out.
      COUNTER_FLUSH_MS: '600000',
    })
    group.setup(() => server.prepare())
    group.teardown(() => server.cleanup())

    test('two workers share the port and both answer', async ({ assert }) => {
      await server.start()
      assert.equal(server.workerPids().length, 2)
      const ids = await workersAnswering(server, [1, 2], Date.now() + 30_000)
      assert.deepEqual([...ids].sort(), [1, 2])
    }).timeout(120_000)

    test('a killed worker is replaced', async ({ assert }) => {
      const [victim, survivor] = server.workerPids()
      process.kill(victim, 'SIGKILL')
      const deadline = Date.now() + 30_000
      let pids: number[] = []
      while (Date.now() < deadline) {
        pids = server.workerPids()
        if (pids.length === 2 && !pids.includes(victim)) break
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      assert.lengthOf(pids, 2)
      assert.notInclude(pids, victim)
      assert.include(pids, survivor)
      // The new worker (id 3) answers once it listens.
      const ids = await workersAnswering(server, [3], deadline)
      assert.isTrue(ids.has(3), `workers answering: ${[...ids].join(', ')}`)
    }).timeout(60_000)

    test('SIGTERM under load: every click served is stored, and all exit within 10 s', async ({
      assert,
    }) => {
      const requests = 300
      const now = Date.now()
      const paths = Array.from({ length: requests }, (_, i) =>
        clickUrl(
          {
            kind: 'ad',
            bookingId: BOOKING_ID,
            vendorId: null,
            topicId: 1 + (i % 3),
            target: 'https://advertiser.example.com/',
          },
          new Date(now - i)
        )
      )
      let answered = 0
      let signalledAt = 0
      let exited: Promise<number | null> | null = null
      const statuses = await Promise.all(
        paths.map(async (path) => {
          const status = await click(server, path)
          if (++answered === requests / 2) {
            exited = server.exited()
            signalledAt = Date.now()
            server.process!.kill('SIGTERM')
          }
          return status
        })
      )
      assert.equal(await exited!, 0, server.output)
      assert.isBelow(Date.now() - signalledAt, 10_000)
      const served = statuses.filter((status) => status === 302).length
      assert.isAtLeast(served, requests / 2)
      assert.deepEqual(
        statuses.filter((status) => status !== 302 && status !== 0),
        [],
        'no request fails half-way'
      )
      const [row] = await db
        .connection(server.name)
        .from('placement_counts')
        .where('booking_id', BOOKING_ID)
        .sum('clicks as total')
      await db.manager.close(server.name)
      assert.equal(Number(row.total ?? 0), served)
    }).timeout(120_000)
  })
}
