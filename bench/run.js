#!/usr/bin/env node
/*
|--------------------------------------------------------------------------
| npm run bench
|--------------------------------------------------------------------------
|
| Loads the built app (production mode, SQLite, 100,000 generated vendors)
| with autocannon and prints each route's req/s and p99 latency as a ratio
| to a bare /ping. Ratios travel between machines; absolute numbers don't.
| This is a measurement, never a test: it fails only when it cannot measure.
|
|   1. npm run build (skip with --skip-build)
|   2. prepares its own SQLite file (SQLITE_FILE, default tmp/bench.sqlite3):
|      migrations, demo:seed, geo:import of the shipped postal codes and
|      demo:generate; skipped when the file already holds enough vendors
|   3. starts build/bin/server.js with NODE_ENV=production on a free port
|   4. autocannon on each route, one after the other
|   5. prints the table, stops the server
|
| Options: --duration=10 --connections=10 --vendors=100000 --q=verwaltung
|          --topic=social-media --skip-build
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

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const buildDir = join(root, 'build')

const { values: options } = parseArgs({
  options: {
    'duration': { type: 'string', default: '10' },
    'connections': { type: 'string', default: '10' },
    'vendors': { type: 'string', default: '100000' },
    'q': { type: 'string', default: 'verwaltung' },
    'topic': { type: 'string', default: 'social-media' },
    'skip-build': { type: 'boolean', default: false },
  },
})
const duration = Number(options.duration)
const connections = Number(options.connections)
const targetVendors = Number(options.vendors)

const routes = [
  { name: 'bare route', path: '/ping' },
  { name: 'topic page', path: `/topics/${options.topic}` },
  { name: 'topic API', path: `/api/v1/topics/${options.topic}` },
  { name: 'search page', path: `/search?q=${encodeURIComponent(options.q)}` },
]

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
    const response = await fetch(url)
    const body = await response.arrayBuffer()
    return { status: response.status, bytes: body.byteLength }
  } catch (error) {
    return { status: `error: ${error.message}`, bytes: 0 }
  }
}

async function load(url) {
  // Warm-up: template compilation and the first queries are not the steady state.
  await autocannon({ url, connections, amount: connections * 20 })
  const result = await autocannon({ url, connections, duration })
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

function printTable(rows, vendors) {
  const baseline = rows.find((row) => row.path === '/ping')?.requestsPerSecond || 0
  const header = ['route', 'status', 'req/s', 'p99 ms', 'vs /ping', 'non-2xx', 'errors', 'KB/resp']
  const lines = rows.map((row) => [
    row.path,
    String(row.status),
    row.requestsPerSecond.toFixed(0),
    String(row.p99),
    baseline ? `${(row.requestsPerSecond / baseline).toFixed(3)}` : 'n/a',
    String(row.non2xx),
    String(row.errors),
    (row.bytes / 1024).toFixed(1),
  ])
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((l) => l[i].length)))
  const format = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`

  console.log('')
  console.log(
    `autocannon: ${connections} connections, ${duration} s per route; ` +
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
    ['--connections', connections],
    ['--vendors', targetVendors],
  ]) {
    if (!Number.isInteger(value) || value < 1) fail(`${name} must be a positive whole number`)
  }

  build()
  const vendors = prepareDatabase()

  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  log(`starting build/bin/server.js (NODE_ENV=production) on ${baseUrl}`)
  const server = startServer(port)
  const stop = () => stopServer(server).then(() => process.exit(130))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  try {
    await waitForPing(baseUrl, server)
    const rows = []
    for (const route of routes) {
      const url = `${baseUrl}${route.path}`
      const first = await probe(url)
      log(`${route.path}: ${first.status}, loading for ${duration} s`)
      rows.push({ ...route, ...first, ...(await load(url)) })
    }
    printTable(rows, vendors)
  } finally {
    await stopServer(server)
  }
}

main().catch((error) => fail(error.stack ?? String(error)))
