import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { haversineKm } from '#services/geo/distance'
import {
  detectFormat,
  openPostalCodeFile,
  PostalCodeAggregator,
  readFirstLine,
  readPostalCodeRecords,
  SHIPPED_POSTAL_CODES,
  type PostalCodeRow,
} from '#services/geo/postal_code_import'

const SHIPPED = app.makePath(SHIPPED_POSTAL_CODES)

type Shipped = {
  read: number
  skipped: number
  /** As stored: one row per code. */
  rows: Map<string, PostalCodeRow>
  /** Every place name listed under a code. */
  places: Map<string, string[]>
}
let shipped: Promise<Shipped> | undefined

/** The shipped file, read once for the whole group (it is about 23,000 lines). */
function readShipped() {
  shipped ??= (async () => {
    const counters = { read: 0, skipped: 0 }
    const aggregator = new PostalCodeAggregator()
    const places = new Map<string, string[]>()
    const input = await openPostalCodeFile(SHIPPED)
    for await (const record of readPostalCodeRecords(input, 'csv', counters)) {
      aggregator.add(record)
      places.set(record.code, [...(places.get(record.code) ?? []), record.place])
    }
    const rows = new Map(aggregator.rows().map((row) => [row.code, row]))
    return { ...counters, rows, places }
  })()
  return shipped
}

test.group('Postal codes shipped in database/data', () => {
  test('the gzip file is the GeoNames CSV with its header', async ({ assert }) => {
    assert.equal(detectFormat(await readFirstLine(SHIPPED)), 'csv')
  })

  test('every line parses, into more than 10,000 postal codes', async ({ assert }) => {
    const { read, skipped, rows } = await readShipped()

    assert.isAbove(read, 20_000)
    assert.equal(skipped, 0)
    assert.isAbove(rows.size, 10_000)
  })

  test('Halle, Merseburg, Konstanz and Gießen are there with their coordinates', async ({
    assert,
  }) => {
    const { rows, places } = await readShipped()

    const expected = {
      '06120': { place: 'Halle', state: 'Sachsen-Anhalt', latitude: 51.51, longitude: 11.88 },
      '06217': { place: 'Merseburg', state: 'Sachsen-Anhalt', latitude: 51.34, longitude: 11.96 },
      '78467': { place: 'Konstanz', state: 'Baden-Württemberg', latitude: 47.67, longitude: 9.16 },
      '35398': { place: 'Gießen', state: 'Hessen', latitude: 50.58, longitude: 8.65 },
    }
    for (const [code, place] of Object.entries(expected)) {
      const row = rows.get(code)
      assert.exists(row, code)
      assert.include(places.get(code), place.place, code)
      assert.equal(row!.state, place.state, code)
      assert.closeTo(row!.latitude, place.latitude, 0.01, code)
      assert.closeTo(row!.longitude, place.longitude, 0.01, code)
    }
    // Merseburg lies within 30 km of Halle's 06120; Konstanz and Gießen do not.
    assert.isBelow(haversineKm(rows.get('06120')!, rows.get('06217')!), 30)
    assert.isAbove(haversineKm(rows.get('06120')!, rows.get('78467')!), 400)
    assert.isAbove(haversineKm(rows.get('06120')!, rows.get('35398')!), 200)
  })
})
