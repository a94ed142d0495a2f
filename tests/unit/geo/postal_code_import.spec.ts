import { createReadStream, readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import {
  detectFormat,
  looksLikeOrganisation,
  normalizeState,
  PostalCodeAggregator,
  readPostalCodeRecords,
  type PostalCodeFormat,
} from '#services/geo/postal_code_import'

const CSV = app.makePath('tests/fixtures/geo/postal_codes.csv')
const TXT = app.makePath('tests/fixtures/geo/DE.txt')

async function aggregate(path: string, format: PostalCodeFormat) {
  const counters = { read: 0, skipped: 0 }
  const aggregator = new PostalCodeAggregator()
  for await (const record of readPostalCodeRecords(createReadStream(path), format, counters)) {
    aggregator.add(record)
  }
  return { counters, rows: new Map(aggregator.rows().map((row) => [row.code, row])) }
}

const mean = (...values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length

test.group('Postal code import: formats', () => {
  test('tells the CSV from GeoNames DE.txt by the first line', ({ assert }) => {
    assert.equal(detectFormat(readFileSync(CSV, 'utf8').split('\n')[0]), 'csv')
    assert.equal(detectFormat(readFileSync(TXT, 'utf8').split('\n')[0]), 'geonames')
    assert.equal(detectFormat('\uFEFFcountry_code,zipcode,place,state,latitude,longitude'), 'csv')
    assert.throws(() => detectFormat('plz;ort;lat;lon'), /Unknown postal code format/)
  })

  test('reads the CSV: quoted names, skipped lines counted', async ({ assert }) => {
    const { counters, rows } = await aggregate(CSV, 'csv')

    assert.equal(counters.read, 14)
    // "1234", "ABCDE" and the line without a coordinate
    assert.equal(counters.skipped, 3)
    assert.sameMembers([...rows.keys()], ['06108', '06217', '10875', '35398', '70767', '80331'])
    assert.equal(rows.get('35398')!.place, 'Gießen')
  })

  test('reads GeoNames DE.txt (12 tab-separated columns, no header)', async ({ assert }) => {
    const { counters, rows } = await aggregate(TXT, 'geonames')

    assert.equal(counters.read, 9)
    // "8033" is four digits; "12345" has no longitude
    assert.equal(counters.skipped, 2)
    assert.sameMembers([...rows.keys()], ['06108', '06217', '10875', '80331'])
    assert.deepEqual(rows.get('06108'), {
      code: '06108',
      place: 'Halle',
      state: 'Sachsen-Anhalt',
      latitude: 51.483,
      longitude: 11.972,
    })
  })

  test('both formats give the same rows for the same data', async ({ assert }) => {
    const csv = await aggregate(CSV, 'csv')
    const txt = await aggregate(TXT, 'geonames')
    for (const code of ['06108', '06217', '10875', '80331']) {
      assert.deepEqual(txt.rows.get(code), csv.rows.get(code))
    }
  })
})

test.group('Postal code import: aggregation', () => {
  test('several places under one code give one row at their mean', async ({ assert }) => {
    const { rows } = await aggregate(CSV, 'csv')
    const merseburg = rows.get('06217')!

    assert.closeTo(merseburg.latitude, mean(51.3167, 51.3391, 51.3548), 1e-6)
    assert.closeTo(merseburg.longitude, mean(11.95, 11.9438, 11.9892), 1e-6)
    // Three places, one each: the first one wins the tie.
    assert.equal(merseburg.place, 'Beuna')
    assert.equal(merseburg.state, 'Sachsen-Anhalt')
  })

  test('a company beside a place: the place names the code and sets its coordinate', async ({
    assert,
  }) => {
    const { rows } = await aggregate(CSV, 'csv')
    const row = rows.get('70767')!

    assert.equal(row.place, 'Leinfelden-Echterdingen')
    assert.equal(row.latitude, 48.6928)
    assert.equal(row.longitude, 9.1428)
  })

  test('a code with companies only keeps them, at their mean', async ({ assert }) => {
    const { rows } = await aggregate(CSV, 'csv')
    const row = rows.get('10875')!

    assert.equal(row.place, 'Daimler Insurance Services GmbH')
    assert.closeTo(row.latitude, mean(48.8103, 48.7239), 1e-6)
    assert.closeTo(row.longitude, mean(9.1807, 9.1699), 1e-6)
  })

  test('the most frequent place name wins', ({ assert }) => {
    const aggregator = new PostalCodeAggregator()
    for (const place of ['Ortsteil', 'Hauptort', 'Hauptort']) {
      aggregator.add({ code: '12345', place, state: 'Berlin', latitude: 52, longitude: 13 })
    }
    assert.equal(aggregator.rows()[0].place, 'Hauptort')
  })

  test('state names are German, whichever language the source uses', async ({ assert }) => {
    const { rows } = await aggregate(CSV, 'csv')
    assert.equal(rows.get('80331')!.state, 'Bayern')
    assert.equal(normalizeState('Lower Saxony'), 'Niedersachsen')
    assert.equal(normalizeState('Land Berlin'), 'Berlin')
    assert.equal(normalizeState('Thuringia'), 'Thüringen')
    assert.isNull(normalizeState('  '))
  })

  test('tells large mail recipients from places', ({ assert }) => {
    for (const name of [
      'Mercedes-Benz Versicherung AG',
      'Verlag Weinbrenner GmbH & Co. KG',
      'RTS Rieger Team, Werbeagentur',
      'Finanzamt Stuttgart 2',
      'Agentur für Arbeit Dresden',
      'AOK Bayern - Die Gesundheitskasse',
      'HUK-Coburg',
      'Amtsgericht Leonberg',
    ]) {
      assert.isTrue(looksLikeOrganisation(name), name)
    }
    for (const name of [
      'Halle',
      'Gießen',
      'Frankfurt am Main',
      'Mülheim an der Ruhr',
      'Bankholzen',
      'Neukirchen',
      'Freigericht',
      'Maikammer',
      'Amt Neuhaus',
      'Untergruppenbach',
    ]) {
      assert.isFalse(looksLikeOrganisation(name), name)
    }
  })
})
