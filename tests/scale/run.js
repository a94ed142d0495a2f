#!/usr/bin/env node
/*
|--------------------------------------------------------------------------
| npm run test:scale
|--------------------------------------------------------------------------
|
| Several app processes on one PostgreSQL database and one Redis server,
| loaded with topic page views by readers and bots while bookings are live.
| "Served" is what this client received: every page it got is parsed for
| the ad and the paid vendor place it showed, and the database must then
| hold exactly those impressions.
|
|   1. a database of its own (SCALE_PG_DB_NAME, default anbieter_scale):
|      migrations, the demo data, and three more approved bookings for this
|      week: two more ads in the Social Media slot (three ads, 1:1:1) and a
|      capped ad in the E-Government slot
|   2. two servers on two ports (two machines: nothing shared but
|      PostgreSQL and Redis), 20,000 views; one of them gets SIGTERM half-way
|      through and is started again
|   3. one server with WEB_CONCURRENCY=2, 10,000 views with SIGTERM to one
|      worker half-way (the primary starts a new one): nothing lost
|   4. the same server, 10,000 views with `kill -9` of one worker half-way:
|      the loss is measured and must stay within one flush interval's views
|
| It checks, for each run: filtered impressions equal the reader views
| received (per booking, and for the vendor box), bots count as raw only,
| every ad's share of voice is within ±1 percentage point of its booked
| share, and the capped booking delivers exactly its cap over all processes.
| Exit code 0 when every check holds. Options: --views=20000 --connections=16
*/
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { RedisConnection } from '@adonisjs/redis'
import { freePort } from '../../bench/free_port.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

const { values: options } = parseArgs({
  options: {
    views: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '16' },
  },
})
const totalViews = Number(options.views)
const connections = Number(options.connections)

const READER_AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
]
const BOT_AGENT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'
/** One view in this many is a bot's; one in EGOV_EVERY goes to the capped topic. */
const BOT_EVERY = 7
const EGOV_EVERY = 10
const IMPRESSION_CAP = 150
const FLUSH_MS = 1000
const REQUEST_TIMEOUT_MS = 10_000

const database = process.env.SCALE_PG_DB_NAME ?? 'anbieter_scale'
const pgSettings = {
  host: process.env.PG_HOST ?? '127.0.0.1',
  port: Number(process.env.PG_PORT ?? 5432),
  user: process.env.PG_USER ?? 'postgres',
  password: process.env.PG_PASSWORD ?? '',
}
const redisPrefix = `scale-${process.pid}-${randomBytes(3).toString('hex')}:`

const baseEnv = {
  ...process.env,
  APP_KEY: randomBytes(32).toString('base64url'),
  DB_CONNECTION: 'pg',
  PG_HOST: pgSettings.host,
  PG_PORT: String(pgSettings.port),
  PG_USER: pgSettings.user,
  PG_PASSWORD: pgSettings.password,
  PG_DB_NAME: database,
  REDIS_HOST: process.env.REDIS_HOST ?? '127.0.0.1',
  REDIS_PORT: process.env.REDIS_PORT ?? '6379',
  REDIS_PREFIX: redisPrefix,
  COUNTER_FLUSH_MS: String(FLUSH_MS),
  LOG_LEVEL: 'warn',
  MAILBOX_DIR: 'tmp/mailbox-scale',
}

const failures = []
/** Reader views of the capped ad's topic over all runs so far. */
let cappedTopicReaders = 0
const report = []

function log(message) {
  console.log(`[scale] ${message}`)
}

function check(ok, message) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${message}`)
  if (!ok) failures.push(message)
}

function ace(...args) {
  const result = spawnSync(process.execPath, ['--import=@poppinss/ts-exec', 'ace.js', ...args], {
    cwd: root,
    env: { ...baseEnv, NODE_ENV: 'development' },
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error(`node ace ${args.join(' ')} failed`)
}

async function query(sql, params = []) {
  const client = new pg.Client({ ...pgSettings, database })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

async function prepareDatabase() {
  const admin = new pg.Client({ ...pgSettings, database: 'postgres' })
  await admin.connect()
  const exists = await admin.query('select 1 from pg_database where datname = $1', [database])
  if (exists.rowCount === 0) await admin.query(`create database "${database}"`)
  await admin.end()

  log(`database ${database}: fresh migrations and the demo data`)
  ace('migration:fresh', '--force')
  ace('demo:seed')

  const [template] = await query(
    `select b.id, w.week from bookings b join booking_weeks w on w.booking_id = b.id
      join slots s on s.id = b.slot_id join topics t on t.id = s.topic_id
     where t.slug = 'social-media' and s.position = 'sidebar' and b.status = 'approved'
     order by w.week limit 1`
  )
  if (!template) throw new Error('the demo data has no approved Social Media ad this week')
  const [egov] = await query(
    `select s.id from slots s join topics t on t.id = s.topic_id
     where t.slug = 'e-government' and s.position = 'sidebar'`
  )
  const copies = [
    { slot: null, headline: 'Scale ad two', cap: null },
    { slot: null, headline: 'Scale ad three', cap: null },
    { slot: egov.id, headline: 'Scale capped ad', cap: IMPRESSION_CAP },
  ]
  const columns = (
    await query(
      `select column_name from information_schema.columns
      where table_name = 'bookings' and column_name not in ('id', 'slot_id', 'headline', 'impression_cap')`
    )
  ).map((row) => `"${row.column_name}"`)
  for (const copy of copies) {
    const [created] = await query(
      `insert into bookings (slot_id, headline, impression_cap, ${columns.join(', ')})
       select coalesce($1, slot_id), $2, $3, ${columns.join(', ')} from bookings where id = $4
       returning id, slot_id`,
      [copy.slot, copy.headline, copy.cap, template.id]
    )
    await query('insert into booking_weeks (booking_id, slot_id, week) values ($1, $2, $3)', [
      created.id,
      created.slot_id,
      template.week,
    ])
  }
  return template.week
}

/** This week's live ads, with their topic and cap. */
async function liveAds(week) {
  return query(
    `select b.id, b.headline, b.impression_cap, t.slug as topic from bookings b
       join booking_weeks w on w.booking_id = b.id and w.week = $1
       join slots s on s.id = b.slot_id join topics t on t.id = s.topic_id
      where b.status = 'approved' and s.position = 'sidebar'`,
    [week]
  )
}

class Server {
  constructor(name, workers) {
    this.name = name
    this.workers = workers
    this.output = ''
  }

  get base() {
    return `http://127.0.0.1:${this.port}`
  }

  async start() {
    this.port ??= await freePort()
    this.child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.js'], {
      cwd: root,
      env: {
        ...baseEnv,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        APP_URL: `http://127.0.0.1:${this.port}`,
        WEB_CONCURRENCY: String(this.workers),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child.stdout.on('data', (chunk) => (this.output += chunk))
    this.child.stderr.on('data', (chunk) => (this.output += chunk))
    this.exited = new Promise((resolveExit) => this.child.once('exit', resolveExit))
    const deadline = Date.now() + 90_000
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited:\n${this.output}`)
      // Every worker must be up: ask until two different ones have answered.
      if (await this.#ready()) return
      await new Promise((resolveWait) => setTimeout(resolveWait, 250))
    }
    throw new Error(`${this.name} did not start in 90 s:\n${this.output}`)
  }

  async #ready() {
    try {
      const response = await fetch(`${this.base}/ping`)
      await response.arrayBuffer()
      return response.ok && (this.workers === 1 || this.workerPids().length === this.workers)
    } catch {
      return false
    }
  }

  workerPids() {
    const listed = spawnSync('ps', ['-o', 'pid=', '--ppid', String(this.child.pid)], {
      encoding: 'utf8',
    })
    return listed.stdout
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => pid > 0)
  }

  async stop() {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return
    this.child.kill('SIGTERM')
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000)
    const code = await this.exited
    clearTimeout(timer)
    return code
  }
}

/** What one page showed: its ad's headline and its paid box vendors. */
function parsePlacement(html) {
  const ad = /class="ad-slot__link"[^>]*>([^<]+)<\/a>/.exec(html)?.[1] ?? null
  const paid = [
    ...html.matchAll(/vendor-box__item--paid">[\s\S]*?class="vendor-box__name"[^>]*>([^<]*)</g),
  ]
  const box = [...html.matchAll(/class="vendor-box__name"[^>]*>([^<]*)</g)]
  return { ad, paid: paid.map((m) => m[1]), boxPlaces: box.length }
}

/**
 * GET `path` from the target the view is spread to, or, while that one
 * refuses connections (a server restarting), from the next one, as a load
 * balancer would. Only a refused connection is retried: that request never
 * reached a server, so it was neither served nor counted.
 */
async function pageFrom(targets, index, path, init) {
  for (let attempt = 0; ; attempt++) {
    const target = targets[(index + attempt) % targets.length]
    try {
      return await fetch(`${target.base}${path}`, init)
    } catch (error) {
      const refused = error?.cause?.code === 'ECONNREFUSED'
      if (!refused || attempt + 1 >= targets.length) throw error
    }
  }
}

/**
 * Runs `views` topic page views over `targets` with `connections` at a time.
 * `during` is called once, when half of the views have been answered.
 */
async function load(targets, views, during) {
  const tally = {
    readers: new Map(),
    bots: new Map(),
    readerViews: 0,
    readersByTopic: new Map(),
    botViews: 0,
    readerBoxPlaces: 0,
    botBoxPlaces: 0,
    failed: 0,
    answeredAt: [],
  }
  let next = 0
  let answered = 0
  let duringDone = null

  async function one(index) {
    const bot = index % BOT_EVERY === 0
    const topic = index % EGOV_EVERY === 0 ? 'e-government' : 'social-media'
    try {
      const response = await pageFrom(targets, index, `/topics/${topic}`, {
        headers: { 'user-agent': bot ? BOT_AGENT : READER_AGENTS[index % 2] },
        // A connection the killed worker had accepted never answers; a browser gives up too.
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
      const html = await response.text()
      if (response.status !== 200) {
        tally.failed++
        return
      }
      const shown = parsePlacement(html)
      const counts = bot ? tally.bots : tally.readers
      const key = (name) => `${topic}|${name}`
      if (shown.ad) counts.set(key(shown.ad), (counts.get(key(shown.ad)) ?? 0) + 1)
      for (const name of shown.paid)
        counts.set(key(`paid:${name}`), (counts.get(key(`paid:${name}`)) ?? 0) + 1)
      if (bot) {
        tally.botViews++
        tally.botBoxPlaces += shown.boxPlaces
      } else {
        tally.readerViews++
        tally.readersByTopic.set(topic, (tally.readersByTopic.get(topic) ?? 0) + 1)
        tally.readerBoxPlaces += shown.boxPlaces
      }
      tally.answeredAt.push(Date.now())
    } catch {
      tally.failed++ // refused or cut: the server was going down; not served
    } finally {
      if (++answered === Math.floor(views / 2) && during) duringDone = during()
    }
  }

  async function worker() {
    while (next < views) await one(next++)
  }
  const started = Date.now()
  await Promise.all(Array.from({ length: connections }, worker))
  await duringDone
  tally.seconds = (Date.now() - started) / 1000
  return tally
}

/** Raw and filtered impressions now, per booking, paid flag and box place (a vendor) or not. */
async function countsNow() {
  const rows = await query(
    `select booking_id, paid, vendor_id <> 0 as box,
            sum(raw_impressions)::int as raw, sum(impressions)::int as filtered
       from placement_counts group by booking_id, paid, vendor_id <> 0`
  )
  return rows
}

/** Counts that wait in Redis for the database: pending, or claimed as a batch. */
async function waitingInRedis() {
  const redis = new RedisConnection('scale', {
    host: baseEnv.REDIS_HOST,
    port: Number(baseEnv.REDIS_PORT),
    keyPrefix: redisPrefix,
  })
  try {
    const pending = await redis.hlen('counts:pending')
    const batches = await redis.zcard('counts:batches')
    return pending + batches
  } finally {
    await redis.quit()
  }
}

function delta(before, after, predicate) {
  const sum = (rows, column) =>
    rows.filter(predicate).reduce((total, row) => total + Number(row[column]), 0)
  return {
    raw: sum(after, 'raw') - sum(before, 'raw'),
    filtered: sum(after, 'filtered') - sum(before, 'filtered'),
  }
}

/**
 * Waits until nothing waits in Redis and the stored counts stop moving (the
 * last flushes of live processes, and a batch a killed worker had claimed,
 * which a live one applies once it is stale, after 10 s).
 */
async function settledCounts() {
  const deadline = Date.now() + 60_000
  let previous = ''
  while (Date.now() < deadline) {
    await new Promise((resolveWait) => setTimeout(resolveWait, FLUSH_MS * 2.5))
    const current = await countsNow()
    const waiting = await waitingInRedis()
    if (waiting === 0 && JSON.stringify(current) === previous) return current
    previous = JSON.stringify(current)
  }
  throw new Error('the counts did not settle within 60 s (counts still waiting in Redis?)')
}

function verify(label, tally, before, after, ads, processes, { exact = true } = {}) {
  log(
    `${label}: ${tally.readerViews} reader and ${tally.botViews} bot views received, ` +
      `${tally.failed} not served, ${tally.seconds.toFixed(1)} s`
  )
  let lost = 0
  for (const ad of ads) {
    const key = `${ad.topic}|${ad.headline}`
    const readers = tally.readers.get(key) ?? 0
    const bots = tally.bots.get(key) ?? 0
    const stored = delta(before, after, (row) => Number(row.booking_id) === ad.id && !row.box)
    if (exact) {
      check(
        stored.filtered === readers,
        `"${ad.headline}": ${stored.filtered} filtered impressions stored, ${readers} reader views received`
      )
      check(
        stored.raw === readers + bots,
        `"${ad.headline}": ${stored.raw} raw impressions stored, ${readers + bots} views received (bots raw only)`
      )
    } else {
      lost += readers - stored.filtered
    }
  }
  const social = ads.filter((ad) => ad.topic === 'social-media')
  const shown = social.map(
    (ad) =>
      (tally.readers.get(`social-media|${ad.headline}`) ?? 0) +
      (tally.bots.get(`social-media|${ad.headline}`) ?? 0)
  )
  const total = shown.reduce((a, b) => a + b, 0)
  social.forEach((ad, i) => {
    const share = (100 * shown[i]) / total
    const booked = 100 / social.length
    check(
      Math.abs(share - booked) <= 1,
      `"${ad.headline}": share of voice ${share.toFixed(2)} % over ${total} views (booked ${booked.toFixed(2)} %)`
    )
  })
  const capped = ads.find((ad) => ad.impression_cap)
  if (capped) {
    // Over every run so far: the processes share the cap's count, so it is met, never passed
    // (met once the readers of its topic have outnumbered it; before that, every one saw it).
    cappedTopicReaders += tally.readersByTopic.get(capped.topic) ?? 0
    const total = after
      .filter((row) => Number(row.booking_id) === capped.id)
      .reduce((sum, row) => sum + Number(row.filtered), 0)
    const expected = Math.min(capped.impression_cap, cappedTopicReaders)
    // After a kill -9 some of its views are lost, never more than the cap delivered.
    check(
      exact ? total === expected : total <= expected,
      `capped ad: ${total} filtered impressions in all against a cap of ${capped.impression_cap} ` +
        `and ${cappedTopicReaders} reader views of its topic (${processes} processes)`
    )
  }
  // Paid vendor places (vendor_box bookings) and the unpaid places together.
  const paidReaders = [...tally.readers]
    .filter(([key]) => key.includes('|paid:'))
    .reduce((a, [, n]) => a + n, 0)
  const paidStored = delta(before, after, (row) => row.box && row.paid)
  const boxStored = delta(before, after, (row) => row.box)
  if (exact) {
    check(
      paidStored.filtered === paidReaders,
      `paid box places: ${paidStored.filtered} stored, ${paidReaders} shown to readers`
    )
    check(
      boxStored.filtered === tally.readerBoxPlaces,
      `vendor box places: ${boxStored.filtered} stored, ${tally.readerBoxPlaces} shown to readers`
    )
  }
  return lost
}

async function main() {
  if (!Number.isInteger(totalViews) || totalViews < 1000) throw new Error('--views must be ≥ 1000')
  const week = await prepareDatabase()
  const ads = await liveAds(week)
  log(
    `live ads: ${ads.map((ad) => `${ad.headline} (${ad.topic}${ad.impression_cap ? `, cap ${ad.impression_cap}` : ''})`).join('; ')}`
  )

  // 1. Two servers, as two machines would run them; SIGTERM one half-way, start it again.
  const one = new Server('server A', 1)
  const two = new Server('server B', 1)
  await one.start()
  await two.start()
  let before = await countsNow()
  let tally = await load([one, two], totalViews, async () => {
    log('SIGTERM to server B during load')
    const code = await two.stop()
    check(code === 0, `server B exited with code ${code} after SIGTERM`)
    await two.start()
  })
  await one.stop()
  await two.stop()
  verify('two servers', tally, before, await settledCounts(), ads, 2)
  report.push(`two servers: ${((tally.readerViews + tally.botViews) / tally.seconds) | 0} views/s`)

  // 2. One server, two workers; SIGTERM one worker half-way (the primary replaces it).
  const cluster = new Server('cluster', 2)
  await cluster.start()
  before = await countsNow()
  tally = await load([cluster], totalViews / 2, async () => {
    const [pid] = cluster.workerPids()
    log(`SIGTERM to worker ${pid} during load`)
    process.kill(pid, 'SIGTERM')
  })
  verify('WEB_CONCURRENCY=2, SIGTERM', tally, before, await settledCounts(), ads, 3)
  report.push(
    `WEB_CONCURRENCY=2: ${((tally.readerViews + tally.botViews) / tally.seconds) | 0} views/s`
  )

  // 3. kill -9 of one worker half-way: the loss is measured.
  before = await countsNow()
  let killedAt = 0
  tally = await load([cluster], totalViews / 2, async () => {
    const [pid] = cluster.workerPids()
    log(`kill -9 of worker ${pid} during load`)
    killedAt = Date.now()
    process.kill(pid, 'SIGKILL')
  })
  const after = await settledCounts()
  const lost = verify('WEB_CONCURRENCY=2, kill -9', tally, before, after, ads, 3, { exact: false })
  const window = tally.answeredAt.filter((at) => at <= killedAt && at > killedAt - FLUSH_MS).length
  check(
    lost >= 0 && lost <= window,
    `kill -9: ${lost} reader ad views lost; at most one flush interval's views (${window} in the ${FLUSH_MS} ms before the kill)`
  )
  report.push(`kill -9 of one worker: ${lost} reader ad impressions lost (bound: ${window})`)
  const code = await cluster.stop()
  check(code === 0, `the cluster exited with code ${code} after SIGTERM`)

  console.log('')
  for (const line of report) log(line)
  if (failures.length) {
    log(`${failures.length} check(s) failed`)
    process.exit(1)
  }
  log('every check holds')
}

main().catch((error) => {
  console.error(`[scale] ${error.stack ?? error}`)
  process.exit(1)
})
