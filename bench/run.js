#!/usr/bin/env node
/*
|--------------------------------------------------------------------------
| npm run bench
|--------------------------------------------------------------------------
|
| Loads the built app (production mode, 100,000 generated vendors, the
| demo's bookings live this week) with autocannon and prints each route's
| req/s and p99 latency with its share of a bare /ping, at each connection
| count, for two set-ups:
|
|   sqlite   one process on SQLite (the embedded default)
|   cluster  WEB_CONCURRENCY=2 on PostgreSQL and Redis (the scale-out set-up)
|
| Ratios travel between machines; absolute numbers don't. This is a
| measurement, never a test: it fails only when it cannot measure.
|
|   1. npm run build (skip with --skip-build)
|   2. prepares each set-up's own database: SQLite BENCH_SQLITE_FILE (default
|      tmp/bench.sqlite3), PostgreSQL BENCH_PG_DB_NAME (default
|      anbieter_bench on PG_HOST/PG_PORT/PG_USER/PG_PASSWORD); migrations,
|      demo:seed, geo:import of the shipped postal codes and demo:generate,
|      skipped when it already holds enough vendors. The demo's approved
|      bookings are made live this week.
|   3. starts build/bin/server.js with NODE_ENV=production on a free port
|      (the cluster with Redis on REDIS_HOST/REDIS_PORT, default 127.0.0.1:6379,
|      under a key prefix of its own)
|   4. autocannon on each route, one after the other, for each connection count
|   5. waits for the counter flush and checks that the counted impressions
|      equal the placements served (2xx answers of the topic page and the
|      placement API, all as a browser: none is a bot)
|   6. prints the tables, stops the server; then the next set-up
|
| Each connection count loads the routes in turn, `--rounds` times over, and
| reports each route's median round: a pause of the machine or a cache
| refill then skews one round of one route, not the route's figure or the
| /ping it is compared with.
|
| Options: --duration=10 --connections=10,32 --rounds=3 --vendors=100000 --q=verwaltung
|          --topic=social-media --profile=seitenbau-gmbh --skip-build
|          --only=ping,topic (route keys: ping, topic, placements, profile, search)
|          --setups=sqlite,cluster
*/
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import pg from 'pg'
import { DateTime } from 'luxon'
import { freePort } from './free_port.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const buildDir = join(root, 'build')

const { values: options } = parseArgs({
  options: {
    'duration': { type: 'string', default: '10' },
    'connections': { type: 'string', default: '10,32' },
    'vendors': { type: 'string', default: '100000' },
    'q': { type: 'string', default: 'verwaltung' },
    'topic': { type: 'string', default: 'social-media' },
    'profile': { type: 'string', default: 'seitenbau-gmbh' },
    'skip-build': { type: 'boolean', default: false },
    'only': { type: 'string' },
    'setups': { type: 'string', default: 'sqlite,cluster' },
    'rounds': { type: 'string', default: '3' },
  },
})
const duration = Number(options.duration)
const connectionCounts = options.connections.split(',').map(Number)
const targetVendors = Number(options.vendors)
const rounds = Number(options.rounds)

/** `placement`: each 2xx answer is one counted view of the topic's placement. */
const allRoutes = [
  { key: 'ping', name: '/ping', path: '/ping' },
  { key: 'topic', name: 'topic page', path: `/topics/${options.topic}`, placement: true },
  {
    key: 'placements',
    name: 'placement API',
    path: `/api/v1/placements?topic=${options.topic}`,
    placement: true,
  },
  { key: 'profile', name: 'vendor profile', path: `/vendors/${options.profile}` },
  {
    key: 'search',
    name: `search "${options.q}"`,
    path: `/search?q=${encodeURIComponent(options.q)}`,
  },
]
const only = options.only?.split(',')
const routes = only ? allRoutes.filter((route) => only.includes(route.key)) : allRoutes

// A reader's browser: isbot must not take the load for a crawler.
const BROWSER = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
}

function log(message) {
  console.log(`[bench] ${message}`)
}

function fail(message) {
  console.error(`[bench] ${message}`)
  process.exit(1)
}

/** What every child shares; each set-up adds its own database (never the developer's .env one). */
const baseEnv = {
  ...process.env,
  APP_KEY: randomBytes(32).toString('base64url'),
  LOG_LEVEL: 'warn',
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: baseEnv, ...options })
  if (result.status !== 0) {
    fail(`"${[command, ...args].join(' ')}" failed (exit code ${result.status ?? result.signal})`)
  }
}

/** The built app's ace, in development mode: demo commands refuse production. */
function ace(env, ...args) {
  run(process.execPath, ['ace.js', ...args], {
    cwd: buildDir,
    env: { ...baseEnv, ...env, NODE_ENV: 'development' },
  })
}

function build() {
  if (options['skip-build'] && existsSync(join(buildDir, 'bin', 'server.js'))) {
    log('--skip-build: using the existing build/')
  } else {
    log('npm run build')
    run('npm', ['run', 'build'], { cwd: root })
  }
  // The build's documented setup is `cd build && npm ci --omit=dev`; the
  // project's own node_modules holds the same packages, so link it instead.
  const link = join(buildDir, 'node_modules')
  if (!existsSync(link) && !isSymlink(link)) symlinkSync('../node_modules', link, 'dir')
}

function isSymlink(path) {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

/**
 * The two set-ups. Each has its own database and environment, and answers
 * SQL written with `?` placeholders (rows for a select, changes otherwise).
 */
const sqliteFile = resolve(root, process.env.BENCH_SQLITE_FILE ?? 'tmp/bench.sqlite3')
const pgSettings = {
  host: process.env.PG_HOST ?? '127.0.0.1',
  port: Number(process.env.PG_PORT ?? 5432),
  user: process.env.PG_USER ?? 'postgres',
  password: process.env.PG_PASSWORD ?? '',
  database: process.env.BENCH_PG_DB_NAME ?? 'anbieter_bench',
}
const setups = {
  sqlite: {
    label: `one process on SQLite (${sqliteFile})`,
    env: { DB_CONNECTION: 'sqlite', SQLITE_FILE: sqliteFile, WEB_CONCURRENCY: '1' },
    async prepare() {
      mkdirSync(dirname(sqliteFile), { recursive: true })
    },
    async sql(text, params = []) {
      const db = new Database(sqliteFile)
      try {
        const statement = db.prepare(text)
        return statement.reader ? statement.all(...params) : statement.run(...params).changes
      } finally {
        db.close()
      }
    },
    async close() {},
  },
  cluster: {
    label: `WEB_CONCURRENCY=2 on PostgreSQL (${pgSettings.database}) and Redis`,
    env: {
      DB_CONNECTION: 'pg',
      PG_HOST: pgSettings.host,
      PG_PORT: String(pgSettings.port),
      PG_USER: pgSettings.user,
      PG_PASSWORD: pgSettings.password,
      PG_DB_NAME: pgSettings.database,
      REDIS_HOST: process.env.REDIS_HOST ?? '127.0.0.1',
      REDIS_PORT: process.env.REDIS_PORT ?? '6379',
      REDIS_PREFIX: `bench-${process.pid}-${randomBytes(3).toString('hex')}:`,
      WEB_CONCURRENCY: '2',
    },
    pool: null,
    async prepare() {
      const admin = new pg.Client({ ...pgSettings, database: 'postgres' })
      await admin.connect()
      try {
        const known = await admin.query('select 1 from pg_database where datname = $1', [
          pgSettings.database,
        ])
        if (known.rowCount === 0) await admin.query(`create database "${pgSettings.database}"`)
      } finally {
        await admin.end()
      }
    },
    async sql(text, params = []) {
      this.pool ??= new pg.Pool({ ...pgSettings, max: 2 })
      let index = 0
      const result = await this.pool.query(
        text.replace(/\?/g, () => `$${++index}`),
        params
      )
      return result.command === 'SELECT' ? result.rows : result.rowCount
    },
    async close() {
      await this.pool?.end()
      this.pool = null
    },
  },
}

async function countVendors(setup) {
  try {
    const [row] = await setup.sql('select count(*) as count from vendors')
    return Number(row.count)
  } catch {
    return 0
  }
}

async function prepareDatabase(setup) {
  await setup.prepare()
  log(`database: ${setup.label}`)
  ace(setup.env, 'migration:run', '--compact-output')

  const existing = await countVendors(setup)
  if (existing >= targetVendors) {
    log(`${existing.toLocaleString('en')} vendors already there, no regeneration`)
    return existing
  }
  ace(setup.env, 'demo:seed')
  ace(setup.env, 'geo:import')
  ace(setup.env, 'demo:generate', `--vendors=${targetVendors}`, '--seed=2026')
  return countVendors(setup)
}

/**
 * The demo seeds its bookings for the week it runs in; a database reused in
 * a later week gets the current week added to each approved booking, so the
 * load meets live bookings (an ad and a paid place on the demo topic).
 */
async function makeBookingsLive(setup) {
  const week = weekOf(DateTime.now())
  const added = await setup.sql(
    `INSERT INTO booking_weeks (booking_id, slot_id, week)
       SELECT bookings.id, bookings.slot_id, ? FROM bookings
       WHERE bookings.status = 'approved'
         AND NOT EXISTS (SELECT 1 FROM booking_weeks AS w
                         WHERE w.booking_id = bookings.id AND w.week = ?)`,
    [week, week]
  )
  const [live] = await setup.sql(
    `SELECT count(*) AS count FROM bookings JOIN booking_weeks ON booking_weeks.booking_id = bookings.id
       WHERE bookings.status = 'approved' AND booking_weeks.week = ?`,
    [week]
  )
  log(
    `${live.count} approved bookings live in ${week}${added ? ` (${added} moved into this week)` : ''}`
  )
}

/** ISO week in Berlin, as app/services/booking/iso_week.ts writes it. */
function weekOf(moment) {
  const local = moment.setZone('Europe/Berlin')
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`
}

/** Filtered impressions stored for the topic so far. */
async function countedImpressions(setup, topicSlug) {
  const [row] = await setup.sql(
    `SELECT coalesce(sum(impressions), 0) AS total FROM placement_counts
       WHERE topic_id = (SELECT id FROM topics WHERE slug = ?)`,
    [topicSlug]
  )
  return Number(row.total)
}

/** Polls until the stored count stops moving (the servers flush each second). */
async function settledImpressions(setup, topicSlug, expected) {
  let last = -1
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 1_500))
    const now = await countedImpressions(setup, topicSlug)
    if (now === last || now === expected) return now
    last = now
  }
  return last
}

function startServer(port, setup) {
  const child = spawn(process.execPath, ['bin/server.js'], {
    cwd: buildDir,
    env: {
      ...baseEnv,
      ...setup.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      // Production refuses to start without APP_URL (start/env.ts).
      APP_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit))
  return { child, exited }
}

async function stopServer({ child, exited }) {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  // A cluster's workers finish their requests and flush within 10 s of the signal.
  const timeout = new Promise((resolveTimeout) =>
    setTimeout(() => resolveTimeout('timeout'), 15_000)
  )
  if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL')
}

async function waitForPing(baseUrl, server) {
  const deadline = Date.now() + 60_000
  let gone = false
  server.exited.then(() => (gone = true))
  while (Date.now() < deadline && !gone) {
    try {
      const response = await fetch(`${baseUrl}/ping`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250))
  }
  throw new Error(gone ? 'the server exited before answering /ping' : 'no answer on /ping in 60 s')
}

/** One request first: the status and size say whether the route works at all. */
async function probe(url) {
  try {
    const response = await fetch(url, { headers: BROWSER })
    const body = await response.arrayBuffer()
    return { status: response.status, bytes: body.byteLength, body }
  } catch (error) {
    return { status: `error: ${error.message}`, bytes: 0 }
  }
}

/**
 * One autocannon run of `amount` requests. autocannon ends such a run on
 * its next one-second tick, so the run's own duration is taken from the
 * first request to the last response instead.
 */
function loadRun(url, connections, amount) {
  return new Promise((resolveRun, reject) => {
    const started = performance.now()
    let last = started
    const instance = autocannon({ url, connections, amount, headers: BROWSER }, (error, result) =>
      error ? reject(error) : resolveRun({ ...result, seconds: (last - started) / 1000 })
    )
    instance.on('response', () => (last = performance.now()))
  })
}

/** Requests per second of a finished run. */
function pace(result) {
  return result.requests.total / Math.max(result.seconds, 0.001)
}

async function load(url, connections) {
  // Every run sends a fixed number of requests: autocannon drops what is in
  // flight when a timed run ends, though the server has served (and counted)
  // it, so only counted runs let the impression check be exact.
  const least = connections * 5
  // Warm-up (template compilation, caches, first queries), then a short run
  // at warm pace to size the measured one to about `duration` seconds.
  const warm = await loadRun(url, connections, least * 4)
  let served = warm['2xx']
  let sized = await loadRun(url, connections, Math.max(least, Math.round(pace(warm) * 2)))
  let result
  // The pace still rises as the process warms up: a run far shorter than asked is sized again.
  for (let attempt = 0; attempt < 3; attempt++) {
    served += sized['2xx']
    result = await loadRun(url, connections, Math.max(least, Math.round(pace(sized) * duration)))
    if (result.seconds >= duration * 0.6) break
    sized = result
  }
  served += result['2xx']
  return {
    requestsPerSecond: pace(result),
    seconds: result.seconds,
    p99: result.latency.p99,
    total: result.requests.total,
    ok: served,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/** The round with the median req/s (of an even number, the lower middle one). */
function medianRound(results) {
  const sorted = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

function printTable(rows, connections, vendors) {
  const baseline = rows.find((row) => row.path === '/ping')?.requestsPerSecond || 0
  const header = [
    'route',
    'status',
    'req/s',
    'share of /ping',
    'p99 ms',
    'seconds',
    'non-2xx',
    'errors',
    'KB/resp',
  ]
  const lines = rows.map((row) => [
    row.name,
    String(row.status),
    row.requestsPerSecond.toFixed(0),
    baseline ? `${((row.requestsPerSecond / baseline) * 100).toFixed(0)} %` : 'n/a',
    String(row.p99),
    row.seconds.toFixed(1),
    String(row.non2xx),
    String(row.errors),
    (row.bytes / 1024).toFixed(1),
  ])
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((l) => l[i].length)))
  const format = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`

  console.log('')
  console.log(
    `autocannon: ${connections} connections, about ${duration} s per route, median of ${rounds} rounds; ` +
      `${vendors.toLocaleString('en')} vendors; Node ${process.version}; ` +
      `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`
  )
  console.log(format(header))
  console.log(format(widths.map((w) => '-'.repeat(w))))
  for (const line of lines) console.log(format(line))

  const broken = rows.filter((row) => row.non2xx > 0 || row.errors > 0)
  if (broken.length) {
    console.log('')
    console.log(`Note: non-2xx answers or errors on ${broken.map((r) => r.path).join(', ')}`)
  }
}

async function main() {
  for (const [name, value] of [
    ['--duration', duration],
    ['--vendors', targetVendors],
    ['--rounds', rounds],
    ...connectionCounts.map((count) => ['--connections', count]),
  ]) {
    if (!Number.isInteger(value) || value < 1) fail(`${name} must be positive whole numbers`)
  }
  const chosen = options.setups.split(',')
  for (const name of chosen) if (!setups[name]) fail(`--setups: unknown set-up "${name}"`)

  build()
  const reports = []
  for (const name of chosen) reports.push(await runSetup(setups[name]))
  for (const report of reports) {
    console.log('')
    console.log(`== ${report.label}`)
    for (const { connections, rows } of report.tables) {
      printTable(rows, connections, report.vendors)
    }
    console.log('')
    console.log(report.impressions)
  }
}

/** Prepares the set-up's database, starts its server, loads every route, checks the counts. */
async function runSetup(setup) {
  const vendors = await prepareDatabase(setup)
  await makeBookingsLive(setup)
  const countedBefore = await countedImpressions(setup, options.topic)

  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  log(`starting build/bin/server.js (NODE_ENV=production) on ${baseUrl}: ${setup.label}`)
  const server = startServer(port, setup)
  const stop = () => stopServer(server).then(() => process.exit(130))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  try {
    await waitForPing(baseUrl, server)
    // What one view shows: the box's vendors and the ad, as the placement API tells.
    const shown = await probe(`${baseUrl}/api/v1/placements?topic=${options.topic}`)
    const sample = JSON.parse(Buffer.from(shown.body).toString('utf8')).data
    const perView = sample.vendors.length + (sample.ad ? 1 : 0)
    log(
      `one view of ${options.topic}: ${sample.vendors.length} vendors ` +
        `(${sample.vendors.filter((v) => v.paid).length} paid), ${sample.ad ? 'a booked ad' : 'the house ad'}`
    )
    let views = shown.status === 200 ? 1 : 0

    const tables = []
    for (const connections of connectionCounts) {
      const measured = new Map(routes.map((route) => [route, []]))
      for (let round = 1; round <= rounds; round++) {
        for (const route of routes) {
          const url = `${baseUrl}${route.path}`
          const first = await probe(url)
          log(
            `${route.path}: ${first.status}, ${connections} connections for ${duration} s (round ${round} of ${rounds})`
          )
          const result = await load(url, connections)
          if (route.placement) views += result.ok + (first.status === 200 ? 1 : 0)
          measured.get(route).push({ ...route, ...first, ...result })
        }
      }
      tables.push({ connections, rows: routes.map((route) => medianRound(measured.get(route))) })
    }

    const expected = views * perView
    log('waiting for the counter flush')
    const counted =
      (await settledImpressions(setup, options.topic, countedBefore + expected)) - countedBefore
    const impressions =
      `impressions: ${counted === expected ? 'ok' : 'MISMATCH'}: ` +
      `${counted.toLocaleString('en')} counted, ${expected.toLocaleString('en')} served ` +
      `(${views.toLocaleString('en')} views × ${perView} places)`
    log(impressions)
    return { label: setup.label, vendors, tables, impressions }
  } finally {
    process.removeListener('SIGINT', stop)
    process.removeListener('SIGTERM', stop)
    await stopServer(server)
    await setup.close()
  }
}

main().catch((error) => fail(error.stack ?? String(error)))
