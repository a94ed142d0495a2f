#!/usr/bin/env node
/*
|--------------------------------------------------------------------------
| npm run bench
|--------------------------------------------------------------------------
|
| Loads the built app (production mode, SQLite, 100,000 generated vendors,
| the demo's bookings live this week) with autocannon and prints each
| route's req/s and p99 latency with its share of a bare /ping, at each
| connection count. Ratios travel between machines; absolute numbers don't.
| This is a measurement, never a test: it fails only when it cannot measure.
|
|   1. npm run build (skip with --skip-build)
|   2. prepares its own SQLite file (BENCH_SQLITE_FILE, default
|      tmp/bench.sqlite3): migrations, demo:seed, geo:import of the shipped
|      postal codes and demo:generate; skipped when the file already holds
|      enough vendors. The demo's approved bookings are made live this week.
|   3. starts build/bin/server.js with NODE_ENV=production on a free port
|   4. autocannon on each route, one after the other, for each connection count
|   5. waits for the counter flush and checks that the counted impressions
|      equal the placements served (2xx answers of the topic page and the
|      placement API, all as a browser: none is a bot)
|   6. prints the tables, stops the server
|
| Options: --duration=10 --connections=10,32 --vendors=100000 --q=verwaltung
|          --topic=social-media --profile=seitenbau-gmbh --skip-build
|          --only=ping,topic (route keys: ping, topic, placements, profile, search)
*/
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { DateTime } from 'luxon'

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
  },
})
const duration = Number(options.duration)
const connectionCounts = options.connections.split(',').map(Number)
const targetVendors = Number(options.vendors)

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

/** One environment for every child: its own DB file, never the developer's .env database. */
const sqliteFile = resolve(root, process.env.BENCH_SQLITE_FILE ?? 'tmp/bench.sqlite3')
const childEnv = {
  ...process.env,
  APP_KEY: randomBytes(32).toString('base64url'),
  DB_CONNECTION: 'sqlite',
  SQLITE_FILE: sqliteFile,
  LOG_LEVEL: 'warn',
  WEB_CONCURRENCY: '1',
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: childEnv, ...options })
  if (result.status !== 0) {
    fail(`"${[command, ...args].join(' ')}" failed (exit code ${result.status ?? result.signal})`)
  }
}

/** The built app's ace, in development mode: demo commands refuse production. */
function ace(...args) {
  run(process.execPath, ['ace.js', ...args], {
    cwd: buildDir,
    env: { ...childEnv, NODE_ENV: 'development' },
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

function countVendors() {
  if (!existsSync(sqliteFile)) return 0
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('select count(*) as count from vendors').get().count
  } catch {
    return 0
  } finally {
    db.close()
  }
}

function prepareDatabase() {
  mkdirSync(dirname(sqliteFile), { recursive: true })
  log(`database: ${sqliteFile}`)
  ace('migration:run', '--compact-output')

  const existing = countVendors()
  if (existing >= targetVendors) {
    log(`${existing.toLocaleString('en')} vendors already there, no regeneration`)
    return existing
  }
  ace('demo:seed')
  ace('geo:import')
  ace('demo:generate', `--vendors=${targetVendors}`, '--seed=2026')
  return countVendors()
}

/**
 * The demo seeds its bookings for the week it runs in; a file reused in a
 * later week gets the current week added to each approved booking, so the
 * load meets live bookings (an ad and a paid place on the demo topic).
 */
function makeBookingsLive() {
  const week = weekOf(DateTime.now())
  const db = new Database(sqliteFile)
  try {
    const added = db
      .prepare(
        `INSERT INTO booking_weeks (booking_id, slot_id, week)
           SELECT bookings.id, bookings.slot_id, ? FROM bookings
           WHERE bookings.status = 'approved'
             AND NOT EXISTS (SELECT 1 FROM booking_weeks AS w
                             WHERE w.booking_id = bookings.id AND w.week = ?)`
      )
      .run(week, week).changes
    const live = db
      .prepare(
        `SELECT count(*) AS count FROM bookings JOIN booking_weeks ON booking_weeks.booking_id = bookings.id
           WHERE bookings.status = 'approved' AND booking_weeks.week = ?`
      )
      .get(week).count
    log(
      `${live} approved bookings live in ${week}${added ? ` (${added} moved into this week)` : ''}`
    )
  } finally {
    db.close()
  }
}

/** ISO week in Berlin, as app/services/booking/iso_week.ts writes it. */
function weekOf(moment) {
  const local = moment.setZone('Europe/Berlin')
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`
}

/** Filtered impressions stored for the topic so far. */
function countedImpressions(topicSlug) {
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true })
  try {
    return db
      .prepare(
        `SELECT coalesce(sum(impressions), 0) AS total FROM placement_counts
           WHERE topic_id = (SELECT id FROM topics WHERE slug = ?)`
      )
      .get(topicSlug).total
  } finally {
    db.close()
  }
}

/** Polls until the stored count stops moving (the server flushes each second). */
async function settledImpressions(topicSlug, expected) {
  let last = -1
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 1_500))
    const now = countedImpressions(topicSlug)
    if (now === last || now === expected) return now
    last = now
  }
  return last
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolvePort(port))
    })
  })
}

function startServer(port) {
  const child = spawn(process.execPath, ['bin/server.js'], {
    cwd: buildDir,
    env: {
      ...childEnv,
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
  const timeout = new Promise((resolveTimeout) => setTimeout(() => resolveTimeout('timeout'), 5000))
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
    `autocannon: ${connections} connections, about ${duration} s per route; ` +
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
    ...connectionCounts.map((count) => ['--connections', count]),
  ]) {
    if (!Number.isInteger(value) || value < 1) fail(`${name} must be positive whole numbers`)
  }

  build()
  const vendors = prepareDatabase()
  makeBookingsLive()
  const countedBefore = countedImpressions(options.topic)

  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  log(`starting build/bin/server.js (NODE_ENV=production) on ${baseUrl}`)
  const server = startServer(port)
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
      const rows = []
      for (const route of routes) {
        const url = `${baseUrl}${route.path}`
        const first = await probe(url)
        log(`${route.path}: ${first.status}, ${connections} connections for ${duration} s`)
        const measured = await load(url, connections)
        if (route.placement) views += measured.ok + (first.status === 200 ? 1 : 0)
        rows.push({ ...route, ...first, ...measured })
      }
      tables.push({ connections, rows })
    }

    const expected = views * perView
    log('waiting for the counter flush')
    const counted =
      (await settledImpressions(options.topic, countedBefore + expected)) - countedBefore

    for (const { connections, rows } of tables) printTable(rows, connections, vendors)
    console.log('')
    console.log(
      `impressions: ${counted === expected ? 'ok' : 'MISMATCH'}: ` +
        `${counted.toLocaleString('en')} counted, ${expected.toLocaleString('en')} served ` +
        `(${views.toLocaleString('en')} views × ${perView} places)`
    )
  } finally {
    await stopServer(server)
  }
}

main().catch((error) => fail(error.stack ?? String(error)))
