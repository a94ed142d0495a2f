import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import GeoImport from '../../../commands/geo_import.js'
import PostalCode from '#models/postal_code'
import { VendorFactory } from '#database/factories/vendor_factory'
import { createVendor } from '#tests/helpers/directory'

const CSV = app.makePath('tests/fixtures/geo/postal_codes.csv')
const TXT = app.makePath('tests/fixtures/geo/DE.txt')

async function runImport(...args: string[]) {
  const command = await ace.create(GeoImport, args)
  await command.exec()
  return command
}

async function postalCodes() {
  const rows = await PostalCode.query().orderBy('code')
  return rows.map((row) => row.serialize())
}

async function countPostalCodes() {
  const rows = await PostalCode.all()
  return rows.length
}

/**
 * `node ace geo:import` (the shipped file) in a process of its own, against
 * a database without tables: a new SQLite file, or on PostgreSQL an empty
 * schema as the search path (node-postgres reads PGOPTIONS). `cleanup`
 * removes that database afterwards.
 */
async function importIntoUnmigratedDatabase(cleanup: (fn: () => Promise<void>) => void) {
  const name = `geo_unmigrated_${process.pid}`
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' }
  if (db.connection().dialect.name === 'postgres') {
    await db.rawQuery(`CREATE SCHEMA ${name}`)
    cleanup(async () => {
      await db.rawQuery(`DROP SCHEMA ${name} CASCADE`)
    })
    env.PGOPTIONS = `-c search_path=${name}`
  } else {
    const file = app.makePath('tmp', `${name}.sqlite3`)
    cleanup(async () => {
      await Promise.all(['', '-wal', '-shm'].map((end) => rm(file + end, { force: true })))
    })
    env.SQLITE_FILE = file
  }

  return new Promise<{ exitCode: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      ['ace', 'geo:import'],
      { cwd: app.makePath(), env },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ exitCode, output: `${stdout}${stderr}` })
      }
    )
  })
}

const mean = (...values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length

test.group('geo:import', (group) => {
  group.setup(() => ace.ui.switchMode('raw'))
  group.teardown(() => ace.ui.switchMode('normal'))
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('imports one row per postal code, at the mean of its places', async ({ assert }) => {
    const command = await runImport(CSV)

    command.assertSucceeded()
    const rows = await postalCodes()
    assert.deepEqual(
      rows.map((row) => row.code),
      ['06108', '06217', '10875', '35398', '70767', '80331']
    )
    const merseburg = rows.find((row) => row.code === '06217')!
    assert.closeTo(merseburg.latitude, mean(51.3167, 51.3391, 51.3548), 1e-6)
    assert.closeTo(merseburg.longitude, mean(11.95, 11.9438, 11.9892), 1e-6)
    assert.equal(rows.find((row) => row.code === '70767')!.place, 'Leinfelden-Echterdingen')
    assert.equal(rows.find((row) => row.code === '80331')!.state, 'Bayern')
    command.assertLogMatches(/14 rows read, 3 skipped/)
    command.assertLogMatches(/6 new, 0 changed, 0 unchanged/)
  })

  test('running it twice changes nothing', async ({ assert }) => {
    const first = await runImport(CSV)
    first.assertSucceeded()
    const rows = await postalCodes()

    const second = await runImport(CSV)

    second.assertSucceeded()
    assert.deepEqual(await postalCodes(), rows)
    second.assertLogMatches(/0 new, 0 changed, 6 unchanged/)
  })

  test('reads GeoNames DE.txt too, and updates codes whose data changed', async ({ assert }) => {
    await PostalCode.create({ code: '06108', place: 'Alt', state: null, latitude: 1, longitude: 2 })

    const command = await runImport(TXT)

    command.assertSucceeded()
    const halle = await PostalCode.findOrFail('06108')
    assert.equal(halle.place, 'Halle')
    assert.equal(halle.latitude, 51.483)
    assert.equal(halle.longitude, 11.972)
    assert.equal(await countPostalCodes(), 4)
    command.assertLogMatches(/3 new, 1 changed, 0 unchanged/)
  })

  test('gives vendors the coordinate of their code and keeps their city', async ({ assert }) => {
    const halle = await VendorFactory.merge({ postalCode: '06108', city: 'Halle (Saale)' }).create()
    const unknown = await VendorFactory.merge({ postalCode: '99999', city: 'Nirgendwo' }).create()

    const command = await runImport(CSV)

    command.assertSucceeded()
    await halle.refresh()
    await unknown.refresh()
    assert.equal(halle.latitude, 51.483)
    assert.equal(halle.longitude, 11.972)
    assert.equal(halle.city, 'Halle (Saale)')
    assert.isNull(unknown.latitude)
    assert.equal(unknown.city, 'Nirgendwo')
    command.assertLogMatches(/1 vendors got new coordinates/)
  })

  test('--if-empty skips the file when postal codes are there', async ({ assert }) => {
    await PostalCode.create({
      code: '06108',
      place: 'Halle',
      state: null,
      latitude: 1,
      longitude: 2,
    })

    const command = await runImport(CSV, '--if-empty')

    command.assertSucceeded()
    assert.equal(await countPostalCodes(), 1)
    command.assertLogMatches(/already imported/)
  })

  test('without a file it imports the shipped GeoNames data: 30 km around 06120 reach Halle and Merseburg', async ({
    assert,
    client,
  }) => {
    await createVendor({ slug: 'saale-it', postalCode: '06108', city: 'Halle (Saale)' })
    await createVendor({ slug: 'dom-it', postalCode: '06217', city: 'Merseburg' })
    await createVendor({ slug: 'see-it', postalCode: '78467', city: 'Konstanz' })

    const command = await runImport()

    command.assertSucceeded()
    command.assertLogMatches(/Imported geonames-de-postal-codes\.csv\.gz: .* 0 skipped/)
    command.assertLogMatches(/3 vendors got new coordinates/)
    assert.isAbove(await countPostalCodes(), 10_000)
    const halle = await PostalCode.findOrFail('06120')
    assert.equal(halle.place, 'Halle')
    assert.closeTo(halle.latitude, 51.51, 0.01)

    const page = await client.get(urlFor('search', [], { qs: { plz: '06120', radius: '30' } }))
    page.assertStatus(200)
    page.assertTextIncludes('2 Anbieter gefunden')
    page.assertTextIncludes('06108 Halle (Saale)')
    page.assertTextIncludes('06217 Merseburg')
    assert.notInclude(page.text(), 'Konstanz')

    const api = await client.get(
      urlFor('api.v1.vendors.index', [], { qs: { plz: '06120', radius: 30 } })
    )
    api.assertStatus(200)
    assert.deepEqual(
      api.body().data.map((vendor: { slug: string }) => vendor.slug),
      ['saale-it', 'dom-it']
    )
  })

  test('fails with a message for a missing file or an unknown format', async ({ assert }) => {
    const missing = await runImport(app.makePath('tests/fixtures/geo/nope.csv'))
    missing.assertFailed()
    missing.assertLogMatches(/File not found/)

    const unknown = await runImport(app.makePath('tests/fixtures/geo/README.md'))
    unknown.assertFailed()
    unknown.assertLogMatches(/Unknown postal code format/)
    assert.equal(await countPostalCodes(), 0)
  })
})

test.group('geo:import on a database without tables', () => {
  test('asks to run the migrations first and exits with 1', async ({ assert, cleanup }) => {
    const { exitCode, output } = await importIntoUnmigratedDatabase(cleanup)

    assert.equal(exitCode, 1)
    assert.include(output, 'Run the migrations first: node ace migration:run')
    // No raw SQL error reaches the reader.
    assert.notMatch(output, /no such table|does not exist|SQLITE_ERROR/i)
  }).timeout(60_000)
})
