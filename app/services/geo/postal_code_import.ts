import { parse, type Options as CsvOptions } from 'csv-parse'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { pipeline, type Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'

/**
 * Reading GeoNames postal code data: files, parsing and aggregation, no
 * database. Records are consumed one at a time, so a file of any size can be
 * streamed through `readPostalCodeRecords()` into a `PostalCodeAggregator`.
 *
 * Two formats are understood, each plain or gzip-compressed:
 * - `csv`: the CSV with a header row that ships in database/data/
 *   (country_code,zipcode,place,state,state_code,province,province_code,
 *   community,community_code,latitude,longitude);
 * - `geonames`: GeoNames' own DE.txt, 12 tab-separated columns, no header
 *   (country, postal code, place, admin name1..code3, latitude, longitude,
 *   accuracy).
 */
export type PostalCodeFormat = 'csv' | 'geonames'

/** One line of the source: one place (or one large mail recipient) under a code. */
export type PostalCodeRecord = {
  code: string
  place: string
  state: string | null
  latitude: number
  longitude: number
}

/** One postal code as stored: one place name and the mean coordinate. */
export type PostalCodeRow = {
  code: string
  place: string
  state: string | null
  latitude: number
  longitude: number
}

/**
 * GeoNames' German postal codes as shipped with the app (CC BY 4.0, see
 * database/data/README.md), relative to the app root.
 */
export const SHIPPED_POSTAL_CODES = 'database/data/geonames-de-postal-codes.csv.gz'

/** Every gzip stream starts with these two bytes, whatever the file is called. */
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b])

/**
 * Opens a postal code file as a stream of its text, decompressing gzip on
 * the fly (no temporary file). `onRead` sees the bytes read from disk, so a
 * progress bar can measure them against the file's size.
 */
export async function openPostalCodeFile(
  path: string,
  onRead: (bytes: number) => void = () => {}
): Promise<Readable> {
  const handle = await open(path, 'r')
  let gzipped: boolean
  try {
    const start = Buffer.alloc(GZIP_MAGIC.length)
    const { bytesRead } = await handle.read(start, 0, start.length, 0)
    gzipped = bytesRead === start.length && start.equals(GZIP_MAGIC)
  } finally {
    await handle.close()
  }

  const file = createReadStream(path)
  file.on('data', (chunk) => onRead(chunk.length))
  // pipeline() hands a read error on to the gunzip stream, so its reader sees it.
  return gzipped ? pipeline(file, createGunzip(), () => {}) : file
}

/** The first line of a postal code file, to tell the formats apart before parsing. */
export async function readFirstLine(path: string): Promise<string> {
  const input = await openPostalCodeFile(path)
  input.setEncoding('utf8')
  let text = ''
  for await (const chunk of input) {
    text += chunk
    // Leaving the loop closes the file.
    if (text.includes('\n') || text.length >= 64 * 1024) break
  }
  return text.split(/\r?\n/)[0]
}

const CSV_HEADER = ['country_code', 'zipcode', 'place', 'state', 'latitude', 'longitude']

/** Tells the two formats apart by their first line. */
export function detectFormat(firstLine: string): PostalCodeFormat {
  const line = firstLine.replace(/^\uFEFF/, '').trim()
  if (line.split('\t').length >= 11) {
    return 'geonames'
  }
  const header = line.toLowerCase().split(',')
  if (CSV_HEADER.every((column) => header.includes(column))) {
    return 'csv'
  }
  throw new Error(
    'Unknown postal code format: expected the GeoNames CSV with a header ' +
      `(${CSV_HEADER.join(',')}, ...) or GeoNames' tab-separated DE.txt`
  )
}

function csvParserOptions(format: PostalCodeFormat): CsvOptions {
  if (format === 'csv') {
    return { columns: true, bom: true, skip_empty_lines: true, trim: true }
  }
  // GeoNames does not quote its fields; a stray " in a name must not open a quote.
  return {
    delimiter: '\t',
    columns: false,
    quote: false,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }
}

/** Turns one parsed line into a record, or null when it cannot be used. */
export function toRecord(format: PostalCodeFormat, line: any): PostalCodeRecord | null {
  const fields =
    format === 'csv'
      ? [line.zipcode, line.place, line.state, line.latitude, line.longitude]
      : [line[1], line[2], line[3], line[9], line[10]]
  const [code, place, state, latitude, longitude] = fields.map((value) =>
    typeof value === 'string' ? value.trim() : ''
  )

  const lat = Number.parseFloat(latitude)
  const lon = Number.parseFloat(longitude)
  if (!/^\d{5}$/.test(code) || !place || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    return null
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return null
  }
  return { code, place, state: normalizeState(state), latitude: lat, longitude: lon }
}

/**
 * Streams the records of a source. Lines that cannot be used (codes that are
 * not five digits, missing coordinates) are counted in `skipped`.
 */
export async function* readPostalCodeRecords(
  input: Readable,
  format: PostalCodeFormat,
  counters: { read: number; skipped: number } = { read: 0, skipped: 0 }
): AsyncGenerator<PostalCodeRecord> {
  // pipeline() hands a read or gunzip error on to the parser, so the loop throws it.
  const parser = pipeline(input, parse(csvParserOptions(format)), () => {})
  for await (const line of parser) {
    counters.read++
    const record = toRecord(format, line)
    if (record) {
      yield record
    } else {
      counters.skipped++
    }
  }
}

/**
 * The source mixes English and German state names ("Bavaria", "Bayern",
 * "Land Berlin"); the directory speaks German.
 */
const STATES: Record<string, string> = {
  'baden-wuerttemberg': 'Baden-Württemberg',
  'baden-württemberg': 'Baden-Württemberg',
  'bavaria': 'Bayern',
  'bayern': 'Bayern',
  'berlin': 'Berlin',
  'land berlin': 'Berlin',
  'brandenburg': 'Brandenburg',
  'bremen': 'Bremen',
  'free hanseatic city of bremen': 'Bremen',
  'hamburg': 'Hamburg',
  'hesse': 'Hessen',
  'hessen': 'Hessen',
  'lower saxony': 'Niedersachsen',
  'niedersachsen': 'Niedersachsen',
  'mecklenburg-vorpommern': 'Mecklenburg-Vorpommern',
  'mecklenburg-western pomerania': 'Mecklenburg-Vorpommern',
  'north rhine-westphalia': 'Nordrhein-Westfalen',
  'nordrhein-westfalen': 'Nordrhein-Westfalen',
  'rhineland-palatinate': 'Rheinland-Pfalz',
  'rheinland-pfalz': 'Rheinland-Pfalz',
  'saarland': 'Saarland',
  'saxony': 'Sachsen',
  'sachsen': 'Sachsen',
  'saxony-anhalt': 'Sachsen-Anhalt',
  'sachsen-anhalt': 'Sachsen-Anhalt',
  'schleswig-holstein': 'Schleswig-Holstein',
  'thuringia': 'Thüringen',
  'thüringen': 'Thüringen',
}

export function normalizeState(state: string | null | undefined): string | null {
  const name = state?.trim()
  if (!name) return null
  return STATES[name.toLowerCase()] ?? name
}

/**
 * Some codes belong to large mail recipients (companies, courts, offices)
 * rather than places. Their names are kept only when a code has nothing else.
 */
const LEGAL_FORM =
  /(^|[\s(,.&+-])(GmbH|gGmbH|mbH|AG|gAG|KG|KGaA|OHG|eG|e\.\s?V\.?|SE|Co\.?|Ltd\.?|Inc\.?|GbR)(?=$|[\s),.&+-])/
const INSTITUTION = new RegExp(
  [
    // offices, courts, agencies and public bodies
    'verwaltung',
    '\\bgericht\\b',
    '(amts|land|landes|ober|sozial|arbeits|verwaltungs|finanz|mahn|straf)gericht',
    'gerichtshof',
    '(zoll|finanz|rats|ordnungs|sozial|jugend|heits|gungs|bau|ungs|aufsichts|post|patent|bundes|kriminal|ersatz|ial|ions|ort|rechts|meister|nis|kräfte|landes|bezirks|steuer|verwaltungs)amt\\b',
    '\\bamt für\\b',
    'auswärtiges amt',
    'agentur',
    'jobcenter',
    'job-center',
    'regierung',
    'ministeri',
    'landrat',
    'bürgermeister',
    'magistrat',
    'kreisausschu',
    '(handels|handwerks|wirtschafts|ärzte|versorgungs|versicherungs|anwalts|berater)kammer',
    '\\bbundes',
    'landes(bank|betrieb|verband|labor|bibliothek|justiz|studio|funkhaus)',
    'polizei',
    'bundeswehr',
    'kaserne',
    'botschaft',
    'landtag',
    'vertretung',
    // health, insurance, banking
    'kasse\\b',
    'krankenkasse',
    'versicher',
    'sparkasse',
    '\\bbank\\b',
    'postbank',
    'klinik',
    'krankenhaus',
    'hospital',
    'hospiz',
    'apotheke',
    'gesundheit',
    'berufsgenossenschaft',
    // education, culture, churches, associations
    'universität',
    'hochschule',
    'institut',
    'bibliothek',
    'rundfunk',
    'stiftung',
    'diözese',
    'ordinariat',
    '\\bkirche\\b',
    'landeskirche',
    'verband',
    'verein',
    'gewerkschaft',
    'gesellschaft',
    // businesses
    'verlag',
    'zentrum',
    'zentrale',
    'center',
    'service',
    'vertrieb',
    'versand',
    'logistik',
    'niederlassung',
    'direktion',
    'gruppe\\b',
    '\\bgroup\\b',
    '(^|[\\s-]|studenten|stadt|reifen)werke?\\b',
    'telekom',
    'lotterie',
    'rechtsanw',
    'steuerberater',
    'notar',
    'pharma',
    'holding',
    'weingut',
    'buchhandlung',
    '\\bdeutsche[nrs]?\\b',
  ].join('|'),
  'i'
)
/** An acronym in capitals (BKK, AOK, HUK-Coburg, SWR) or & / + between names. */
const ACRONYM_OR_PARTNERS = /(^|[^\p{L}])\p{Lu}{3,}(?!\p{L})|\s[&+]\s?|\bDr\./u

export function looksLikeOrganisation(name: string): boolean {
  return (
    LEGAL_FORM.test(name) ||
    INSTITUTION.test(name) ||
    ACRONYM_OR_PARTNERS.test(name) ||
    /[,0-9@]/.test(name)
  )
}

type CodeEntries = { places: PostalCodeRecord[]; organisations: PostalCodeRecord[] }

/**
 * Collects records and gives one row per code:
 * - the coordinate is the mean of the code's places (of every entry when
 *   the code has only organisations);
 * - the place name is the most frequent proper place name, the first one
 *   on a tie;
 * - the state is the most frequent state among those entries.
 */
export class PostalCodeAggregator {
  #codes = new Map<string, CodeEntries>()

  add(record: PostalCodeRecord) {
    let entries = this.#codes.get(record.code)
    if (!entries) {
      entries = { places: [], organisations: [] }
      this.#codes.set(record.code, entries)
    }
    if (looksLikeOrganisation(record.place)) {
      entries.organisations.push(record)
    } else {
      entries.places.push(record)
    }
  }

  get size() {
    return this.#codes.size
  }

  /** The aggregated rows, ordered by code. */
  rows(): PostalCodeRow[] {
    return [...this.#codes.keys()].sort().map((code) => aggregate(code, this.#codes.get(code)!))
  }
}

function aggregate(code: string, entries: CodeEntries): PostalCodeRow {
  const records = entries.places.length ? entries.places : entries.organisations
  const latitude = records.reduce((sum, record) => sum + record.latitude, 0) / records.length
  const longitude = records.reduce((sum, record) => sum + record.longitude, 0) / records.length
  return {
    code,
    place: mostFrequent(records.map((record) => record.place))!,
    state: mostFrequent(records.map((record) => record.state).filter((s): s is string => !!s)),
    latitude: round(latitude),
    longitude: round(longitude),
  }
}

/** The most frequent value; on a tie, the one seen first. */
function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  let best: string | null = null
  let bestCount = 0
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value
      bestCount = count
    }
  }
  return best
}

/** Six decimals (about 0.1 m): enough, and stable across runs and databases. */
function round(value: number) {
  return Math.round(value * 1e6) / 1e6
}
