import { DateTime } from 'luxon'
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { rm } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import appEnv from '#start/env'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Booking from '#models/booking'
import BookingWeek from '#models/booking_week'
import BillingDetail from '#models/billing_detail'
import Slot from '#models/slot'
import User from '#models/user'
import { weekUse } from '#services/booking/capacity'
import { quote } from '#services/booking/pricing'
import { upcomingWeeks } from './fixtures.js'

/**
 * The capacity guarantee across real parallel requests. A separately
 * started server process (node bin/server.js) runs on a database of its
 * own, migrated fresh: on SQLite its own file, on PostgreSQL a dedicated
 * database (RACE_PG_DB_NAME, default "<PG_DB_NAME>_race"). Nothing runs in
 * a test transaction: the server commits, and the test reads what it
 * committed.
 */

const REQUESTS = 50
const RACE = 'race'
const PASSWORD = 'race-password-2026'

const dialect = appEnv.get('DB_CONNECTION', 'sqlite') === 'pg' ? 'pg' : 'sqlite'
const sqliteFile = `tmp/race-${process.pid}.sqlite3`
const pgDatabase = process.env.RACE_PG_DB_NAME ?? `${appEnv.get('PG_DB_NAME', 'anbieter')}_race`

let server: ChildProcess | null = null

/** A free local port for the server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** The server's environment: its own database, port and mailbox; nothing else changes. */
function serverEnv(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'silent',
    MAILBOX_DIR: `tmp/mailbox-race-${process.pid}`,
    DB_CONNECTION: dialect,
    SQLITE_FILE: sqliteFile,
    PG_DB_NAME: pgDatabase,
  }
}

/** Runs `node <args>` in the app root and resolves once it exited with 0. */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: app.appRoot, env, stdio: 'pipe' })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`node ${args.join(' ')} exited ${code}:\n${output}`))
    )
  })
}

/** A fresh schema in the server's database. */
async function prepareDatabase(env: NodeJS.ProcessEnv) {
  if (dialect === 'pg') {
    const exists = await db.rawQuery('select 1 from pg_database where datname = ?', [pgDatabase])
    if (exists.rows.length === 0) await db.rawQuery(`create database "${pgDatabase}"`)
  } else {
    await removeSqliteFiles()
  }
  await run(['ace.js', 'migration:fresh', '--force'], env)
  const base = app.config.get<Record<string, any>>(`database.connections.${dialect}`)
  db.manager.add(
    RACE,
    dialect === 'pg'
      ? { ...base, connection: { ...base.connection, database: pgDatabase } }
      : ({
          ...base,
          connection: { filename: app.makePath(sqliteFile) },
        } as any)
  )
}

async function removeSqliteFiles() {
  for (const suffix of ['', '-wal', '-shm']) {
    await rm(app.makePath(`${sqliteFile}${suffix}`), { force: true })
  }
}

/** Starts `node bin/server.js` and waits until it answers /ping. */
async function startServer(env: NodeJS.ProcessEnv, port: number) {
  let output = ''
  const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.js'], {
    cwd: app.appRoot,
    env,
    stdio: 'pipe',
  })
  server = child
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${output}`)
    const ready = await fetch(`http://127.0.0.1:${port}/ping`)
      .then((response) => response.ok)
      .catch(() => false)
    if (ready) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`The server did not answer within 60 s:\n${output}`)
}

/** Ends the server (SIGTERM, then SIGKILL) and waits for it. */
async function stopServer() {
  const child = server
  server = null
  if (!child || child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

/**
 * An advertiser with billing details, and a slot of capacity 3 whose next
 * week already holds two approved shares: exactly one is free.
 */
async function seedRace() {
  const options = { connection: RACE }
  const user = await User.create(
    {
      name: 'Race Advertiser',
      email: 'race@example.test',
      password: PASSWORD,
      role: 'member',
      locale: 'de',
      emailVerifiedAt: DateTime.now(),
    },
    options
  )
  await BillingDetail.create(
    {
      userId: user.id,
      company: 'Race GmbH',
      street: 'Hauptstraße 1',
      postalCode: '06108',
      city: 'Halle (Saale)',
      country: 'DE',
      invoiceEmail: 'rechnung@race.example.test',
    },
    options
  )
  const slot = await Slot.create(
    { topicId: null, position: 'sidebar', format: '300x250', capacity: 3, priceCents: 10_000 },
    options
  )
  const [week] = upcomingWeeks(1)
  for (let i = 0; i < 2; i++) {
    const booking = await Booking.create(
      {
        slotId: slot.id,
        userId: user.id,
        status: 'approved',
        creativeKind: 'text',
        headline: `Bestehend ${i}`,
        body: 'Schon gebucht.',
        targetUrl: 'https://example.com/',
        priceCents: 10_000,
        ...quote(10_000, 1),
      },
      options
    )
    await BookingWeek.create({ bookingId: booking.id, slotId: slot.id, week }, options)
  }
  await db.manager.close(RACE)
  return { slot, week }
}

test.group('Bookings / capacity under concurrency (separate server)', (group) => {
  group.teardown(async () => {
    await stopServer()
    await db.manager.close(RACE).catch(() => {})
    db.manager.connections.delete(RACE)
    if (dialect === 'sqlite') await removeSqliteFiles()
    await rm(app.makePath(`tmp/mailbox-race-${process.pid}`), { recursive: true, force: true })
  })

  test('50 parallel requests for the last free share: exactly one 201 and 49 × 409', async ({
    assert,
  }) => {
    const port = await freePort()
    const env = serverEnv(port)
    await prepareDatabase(env)
    const { slot, week } = await seedRace()
    await startServer(env, port)
    const base = `http://127.0.0.1:${port}`

    const login = await fetch(`${base}${urlFor('api.v1.auth.tokens.store')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept': 'application/json' },
      body: JSON.stringify({ email: 'race@example.test', password: PASSWORD }),
    })
    assert.equal(login.status, 201)
    const { token } = ((await login.json()) as { data: { token: string } }).data

    const body = JSON.stringify({
      slotId: slot.id,
      weeks: [week],
      creative: {
        kind: 'text',
        headline: 'Schnell',
        body: 'Wer zuerst kommt.',
        url: 'https://example.com/',
      },
    })
    // Open the connections first, so the requests themselves arrive together.
    await Promise.all(
      Array.from({ length: REQUESTS }, () => fetch(`${base}/ping`).then((r) => r.text()))
    )
    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, () =>
        fetch(`${base}${urlFor('api.v1.bookings.store')}`, {
          method: 'POST',
          headers: {
            'authorization': `Bearer ${token}`,
            'content-type': 'application/json',
            'accept': 'application/json',
          },
          body,
        }).then(async (response) => ({
          status: response.status,
          body: (await response.json()) as { errors?: { field: string }[] },
        }))
      )
    )

    const statuses = answers.map((answer) => answer.status)
    assert.equal(statuses.filter((status) => status === 201).length, 1, statuses.join(' '))
    assert.equal(statuses.filter((status) => status === 409).length, REQUESTS - 1)
    for (const answer of answers.filter((entry) => entry.status === 409)) {
      assert.equal(answer.body.errors?.[0]?.field, 'weeks')
    }

    // The week now shows its capacity fully used, in the server's database.
    const use = await weekUse([slot.id], [week], db.connection(RACE))
    assert.deepEqual(use.get(slot.id)?.get(week), { booked: 2, held: 1 })
    const rows = await db.connection(RACE).from('booking_weeks').where('week', week).count('* as n')
    assert.equal(Number(rows[0].n), 3)
    await db.manager.close(RACE)

    // And the rate card of that server marks it fully booked.
    const card = await fetch(`${base}${urlFor('advertise')}`)
    const html = await card.text()
    const slotSection = html.slice(html.indexOf(`id="slot-${slot.id}"`))
    assert.match(slotSection, new RegExp(`data-week="${week}"[^>]*data-full="true"`))
  }).timeout(180_000)
})
