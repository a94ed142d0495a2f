import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { slugify } from '#services/slug'
import { vendorSearchText } from '#services/search/fold'
import { looksLikeOrganisation } from '#services/geo/postal_code_import'
import DemoSeeder from '#database/seeders/demo_seeder'

/** A postal code to place generated vendors at. */
export type Place = {
  code: string
  city: string
  state: string | null
  latitude: number | null
  longitude: number | null
}

export type GeneratedVendor = {
  slug: string
  name: string
  street: string
  postal_code: string
  city: string
  state: string | null
  country: 'DE'
  email: string
  website: string
  description: string
  status: 'published'
  latitude: number | null
  longitude: number | null
  search_text: string
  topicIds: number[]
}

/**
 * Real postal codes and places, used when no postal code data is imported.
 * Coordinates: the mean of the code's places in GeoNames (CC BY 4.0).
 */
export const BUILT_IN_PLACES: Place[] = (
  [
    ['10115', 'Berlin', 'Berlin', 52.5323, 13.3846],
    ['20095', 'Hamburg', 'Hamburg', 53.549425, 10.00585],
    ['28195', 'Bremen', 'Bremen', 53.0889, 8.7906],
    ['27568', 'Bremerhaven', 'Bremen', 53.5687, 8.5741],
    ['80331', 'München', 'Bayern', 48.1345, 11.571],
    ['90402', 'Nürnberg', 'Bayern', 49.4504, 11.0778],
    ['97070', 'Würzburg', 'Bayern', 49.7971, 9.9337],
    ['91052', 'Erlangen', 'Bayern', 49.5888, 11.0098],
    ['93047', 'Regensburg', 'Bayern', 49.0168, 12.0954],
    ['86150', 'Augsburg', 'Bayern', 48.3673, 10.8921],
    ['70173', 'Stuttgart', 'Baden-Württemberg', 48.77265, 9.18],
    ['69117', 'Heidelberg', 'Baden-Württemberg', 49.4095, 8.6935],
    ['79098', 'Freiburg im Breisgau', 'Baden-Württemberg', 47.9942, 7.847],
    ['76133', 'Karlsruhe', 'Baden-Württemberg', 49.0083, 8.3979],
    ['88045', 'Friedrichshafen', 'Baden-Württemberg', 47.6544, 9.4726],
    ['78467', 'Konstanz', 'Baden-Württemberg', 47.6744, 9.1649],
    ['60311', 'Frankfurt am Main', 'Hessen', 50.1112, 8.6831],
    ['65183', 'Wiesbaden', 'Hessen', 50.0817, 8.2389],
    ['34117', 'Kassel', 'Hessen', 51.3166, 9.4912],
    ['36037', 'Fulda', 'Hessen', 50.5518, 9.6833],
    ['64283', 'Darmstadt', 'Hessen', 49.8719, 8.6484],
    ['35398', 'Gießen', 'Hessen', 50.5833, 8.65],
    ['30159', 'Hannover', 'Niedersachsen', 52.3736, 9.7371],
    ['37073', 'Göttingen', 'Niedersachsen', 51.5364, 9.939],
    ['26122', 'Oldenburg', 'Niedersachsen', 53.1407, 8.2171],
    ['49074', 'Osnabrück', 'Niedersachsen', 52.2738, 8.0521],
    ['38100', 'Braunschweig', 'Niedersachsen', 52.2647, 10.5233],
    ['21335', 'Lüneburg', 'Niedersachsen', 53.2329, 10.4078],
    ['50667', 'Köln', 'Nordrhein-Westfalen', 50.9387, 6.9547],
    ['40213', 'Düsseldorf', 'Nordrhein-Westfalen', 51.2249, 6.7743],
    ['44135', 'Dortmund', 'Nordrhein-Westfalen', 51.5125, 7.477],
    ['48143', 'Münster', 'Nordrhein-Westfalen', 51.9597, 7.6314],
    ['33602', 'Bielefeld', 'Nordrhein-Westfalen', 52.0245, 8.5326],
    ['45127', 'Essen', 'Nordrhein-Westfalen', 51.4535, 7.0102],
    ['53111', 'Bonn', 'Nordrhein-Westfalen', 50.7362, 7.1002],
    ['52062', 'Aachen', 'Nordrhein-Westfalen', 50.776, 6.0872],
    ['01067', 'Dresden', 'Sachsen', 51.0547, 13.7269],
    ['04109', 'Leipzig', 'Sachsen', 51.342, 12.375],
    ['09111', 'Chemnitz', 'Sachsen', 50.8351, 12.9222],
    ['02826', 'Görlitz', 'Sachsen', 51.1503, 14.9829],
    ['39104', 'Magdeburg', 'Sachsen-Anhalt', 52.1243, 11.6322],
    ['06108', 'Halle (Saale)', 'Sachsen-Anhalt', 51.483, 11.972],
    ['06844', 'Dessau-Roßlau', 'Sachsen-Anhalt', 51.8441, 12.2475],
    ['99084', 'Erfurt', 'Thüringen', 50.9746, 11.0297],
    ['07743', 'Jena', 'Thüringen', 50.9326, 11.5868],
    ['99423', 'Weimar', 'Thüringen', 50.9804, 11.3263],
    ['14467', 'Potsdam', 'Brandenburg', 52.403, 13.0626],
    ['03046', 'Cottbus', 'Brandenburg', 51.756, 14.3197],
    ['15230', 'Frankfurt (Oder)', 'Brandenburg', 52.3475, 14.5539],
    ['19053', 'Schwerin', 'Mecklenburg-Vorpommern', 53.6313, 11.4092],
    ['18055', 'Rostock', 'Mecklenburg-Vorpommern', 54.0865, 12.1544],
    ['17489', 'Greifswald', 'Mecklenburg-Vorpommern', 54.0881, 13.3876],
    ['24103', 'Kiel', 'Schleswig-Holstein', 54.3205, 10.1327],
    ['23552', 'Lübeck', 'Schleswig-Holstein', 53.8685, 10.6854],
    ['25813', 'Husum', 'Schleswig-Holstein', 54.4577, 9.0619],
    ['55116', 'Mainz', 'Rheinland-Pfalz', 50.001, 8.2688],
    ['54290', 'Trier', 'Rheinland-Pfalz', 49.7537, 6.6393],
    ['67655', 'Kaiserslautern', 'Rheinland-Pfalz', 49.4425, 7.7659],
    ['56068', 'Koblenz', 'Rheinland-Pfalz', 50.3567, 7.5932],
    ['66111', 'Saarbrücken', 'Saarland', 49.2461, 7.0022],
    ['66424', 'Homburg', 'Saarland', 49.3264, 7.3387],
  ] as const
).map(([code, city, state, latitude, longitude]) => ({ code, city, state, latitude, longitude }))

const PREFIXES = ['Beispiel', 'Muster', 'Demo', 'Exempla']
const TRADES = [
  'Verwaltungs-IT',
  'Digitalagentur',
  'Datenwerk',
  'Bürgerdienste',
  'Kommunalsoft',
  'Netzplanung',
  'Geoinformatik',
  'Medienbüro',
  'Sicherheitslabor',
  'Archivsysteme',
  'Portaldienste',
  'Lernplattformen',
  'Social-Media-Redaktion',
  'Zahlungsdienste',
]
const LEGAL_FORMS = ['GmbH', 'AG', 'GmbH & Co. KG', 'eG', 'UG', '']
const SERVICES = [
  'Fachverfahren für Kommunen',
  'Online-Dienste nach dem OZG',
  'barrierefreie Webportale',
  'Schnittstellen und Datenaustausch',
  'Beratung zur Informationssicherheit',
  'Schulungen für Verwaltungsteams',
  'Cloud-Betrieb im deutschen Rechenzentrum',
  'Social-Media-Redaktion und Community-Management',
  'digitale Bürgerbeteiligung',
  'Kartendienste und Geodatenportale',
  'E-Akte und Vorgangsbearbeitung',
  'Bezahlverfahren für Gebühren',
]

/** A small deterministic PRNG (mulberry32), so `--seed` reproduces a data set. */
export function randomGenerator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]
  const pickSome = <T>(items: readonly T[], min: number, max: number): T[] => {
    const count = Math.min(items.length, min + Math.floor(next() * (max - min + 1)))
    const pool = [...items]
    const chosen: T[] = []
    while (chosen.length < count) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0])
    return chosen
  }
  return { next, pick, pickSome }
}

/**
 * One fictitious published vendor. `number` makes the slug unique; the
 * search text is computed here, the same way refreshSearchText() does.
 */
export function generateVendor(
  number: number,
  random: ReturnType<typeof randomGenerator>,
  places: Place[],
  topics: { id: number; name: string }[]
): GeneratedVendor {
  const place = random.pick(places)
  const trade = random.pick(TRADES)
  const name = [random.pick(PREFIXES), trade, place.city, random.pick(LEGAL_FORMS)].join(' ').trim()
  const chosenTopics = random.pickSome(topics, 1, 3)
  const services = random.pickSome(SERVICES, 2, 3)
  const slug = `${slugify(name, 140)}-${number}`
  const description =
    `Die **${name}** ist ein erfundener Anbieter für diese Demo: ${trade} aus ${place.city}.\n\n` +
    services.map((service) => `- ${service}`).join('\n')
  const topicNames = chosenTopics.map((topic) => topic.name)

  return {
    slug,
    name,
    street: `Musterstraße ${1 + Math.floor(random.next() * 120)}`,
    postal_code: place.code,
    city: place.city,
    state: place.state,
    country: 'DE',
    email: `kontakt-${number}@example.${random.pick(['com', 'org', 'net'])}`,
    website: `https://example.com/anbieter/${slug}`,
    description,
    status: 'published',
    latitude: place.latitude,
    longitude: place.longitude,
    search_text: vendorSearchText(
      { name, postalCode: place.code, city: place.city, state: place.state, description },
      topicNames
    ),
    topicIds: chosenTopics.map((topic) => topic.id),
  }
}

/** Rows per INSERT: about 16 columns × 500 rows stays below SQLite's 32,766 variables. */
const STATEMENT_ROWS = 500
/** Statements per transaction. */
const STATEMENTS_PER_TRANSACTION = 10

export type GenerateOptions = {
  count: number
  seed?: number
  onProgress?: (done: number, total: number) => void
}

/**
 * Generates large data sets of fictitious published vendors, for benchmarks
 * and scale tests. Not idempotent (each run adds `count` vendors), but runs
 * never clash on slugs: numbering continues after the highest vendor id.
 */
export default class VendorGenerator {
  async run({ count, seed = Date.now(), onProgress = () => {} }: GenerateOptions) {
    const topics = await this.#topics()
    const places = await this.#places()
    const random = randomGenerator(seed)
    const maxId = await db.from('vendors').max('id as max').first()
    const firstNumber = Number(maxId?.max ?? 0) + 1
    const format = db.connection().dialect.dateTimeFormat
    const now = DateTime.now().toFormat(format)

    let created = 0
    let number = firstNumber
    onProgress(0, count)
    while (created < count) {
      await db.transaction(async (trx) => {
        for (let s = 0; s < STATEMENTS_PER_TRANSACTION && created < count; s++) {
          const size = Math.min(STATEMENT_ROWS, count - created)
          const vendors = Array.from({ length: size }, () =>
            generateVendor(number++, random, places, topics)
          )
          // A slug that exists already (made by hand, say) is skipped, not fatal.
          const inserted: { id: number; slug: string }[] = await trx
            .knexQuery()
            .table('vendors')
            .insert(
              vendors.map(({ topicIds, ...row }) => ({
                ...row,
                published_at: now,
                created_at: now,
                updated_at: now,
              }))
            )
            .onConflict('slug')
            .ignore()
            .returning(['id', 'slug'])

          const topicIdsBySlug = new Map(vendors.map((vendor) => [vendor.slug, vendor.topicIds]))
          const links = inserted.flatMap(({ id, slug }) =>
            topicIdsBySlug.get(slug)!.map((topicId) => ({ vendor_id: id, topic_id: topicId }))
          )
          // knex writes multi-row inserts on SQLite as a compound SELECT, which
          // allows 500 terms at most.
          for (let offset = 0; offset < links.length; offset += STATEMENT_ROWS) {
            await trx
              .knexQuery()
              .table('vendor_topics')
              .insert(links.slice(offset, offset + STATEMENT_ROWS))
          }
          created += inserted.length
        }
      })
      onProgress(created, count)
    }
    return { created, places: places.length, topics: topics.length }
  }

  /** The topics to link to; the demo topics are seeded first when there are none. */
  async #topics() {
    let topics = await db.from('topics').select('id', 'name').orderBy('id')
    if (!topics.length) {
      await new DemoSeeder(db.connection()).seed()
      topics = await db.from('topics').select('id', 'name').orderBy('id')
    }
    return topics as { id: number; name: string }[]
  }

  /** Imported postal codes when there are any (proper places only), else the built-in list. */
  async #places(): Promise<Place[]> {
    const rows = await db
      .from('postal_codes')
      .select('code', 'place', 'state', 'latitude', 'longitude')
    const places = rows
      .filter((row) => row.place.length <= 120 && !looksLikeOrganisation(row.place))
      .map((row) => ({
        code: row.code,
        city: row.place,
        state: row.state,
        latitude: Number(row.latitude),
        longitude: Number(row.longitude),
      }))
    return places.length ? places : BUILT_IN_PLACES
  }
}
