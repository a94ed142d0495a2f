import { once } from 'node:events'
import { Readable } from 'node:stream'
import { parse, type Parser } from 'csv-parse'
import { stringify, type Stringifier } from 'csv-stringify'
import { errors as vineErrors } from '@vinejs/vine'
import i18nManager from '@adonisjs/i18n/services/main'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Topic from '#models/topic'
import Vendor, { VENDOR_PROFILE_FIELDS, type VendorProfileField } from '#models/vendor'
import { vendorAttributes, vendorValidator } from '#validators/vendor_validator'

/**
 * The vendor CSV, shared by `vendors:import`, `vendors:export` and the
 * editorial download, so that an export imports again unchanged.
 *
 * - UTF-8 (a BOM is fine), a header row, `,` or `;` as the delimiter
 *   (taken from the header row), fields with line breaks in double quotes.
 * - Columns, in any order: slug, name, street, postal_code, city, state,
 *   country, phone, email, website, description, topics, status. name,
 *   postal_code, city and topics are required; unknown columns are refused.
 * - topics: topic slugs, separated by `|` (or `;` when the delimiter is `,`).
 * - status: published, draft or archived. Empty: new vendors are published,
 *   existing ones keep their status.
 * - A cell that a spreadsheet would run as a formula is written with a
 *   leading `'`; the import takes that `'` off again.
 */

/** A field's name in snake case, as its column is called: `postalCode` → `postal_code`. */
type ColumnName<Field extends string> = Field extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${ColumnName<Tail>}`
  : Field

function columnOf<Field extends VendorProfileField>(field: Field): ColumnName<Field> {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) as ColumnName<Field>
}

/** The columns in export order: the profile fields between the slug and topics, status. */
export const VENDOR_CSV_COLUMNS = [
  'slug',
  ...VENDOR_PROFILE_FIELDS.map(columnOf),
  'topics',
  'status',
] as const

export type VendorCsvColumn = (typeof VENDOR_CSV_COLUMNS)[number]
export type VendorCsvRecord = Partial<Record<VendorCsvColumn, string>>

export const REQUIRED_COLUMNS: VendorCsvColumn[] = ['name', 'postal_code', 'city', 'topics']
export const IMPORTABLE_STATUSES = ['published', 'draft', 'archived'] as const
export type ImportableStatus = (typeof IMPORTABLE_STATUSES)[number]

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A row that passed the web form's validator, ready to be matched and written. */
export type VendorRow = {
  line: number
  slug: string | null
  status: ImportableStatus | null
  attributes: ReturnType<typeof vendorAttributes>
  topicIds: number[]
}

export type RowResult = { ok: true; row: VendorRow } | { ok: false; line: number; reason: string }

/* -------------------------------------------------------------------------- */
/* Formula escaping                                                            */
/* -------------------------------------------------------------------------- */

/**
 * Cells a spreadsheet would evaluate (=, @, tab, CR; + or - unless the cell
 * reads as a phone number) get a leading `'`. Cells that already start with
 * `'`s before such a character get one more, so unescapeCell is exact.
 */
const FORMULA_START = /^'*(?:[=@\t\r]|[+-](?![\d\s+\-()/]*$))/

export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

export function unescapeCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value
}

/* -------------------------------------------------------------------------- */
/* Reading                                                                     */
/* -------------------------------------------------------------------------- */

/** `;` when the header row uses it (German spreadsheets), else `,`. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  const semicolons = headerLine.split(';').length
  const commas = headerLine.split(',').length
  return semicolons > commas ? ';' : ','
}

/** What is wrong with a header row, or null when it can be imported. */
export function headerProblem(columns: string[]): string | null {
  const known = new Set<string>(VENDOR_CSV_COLUMNS)
  const unknown = columns.filter((column) => !known.has(column))
  if (unknown.length) return `Unknown columns: ${unknown.join(', ')}`
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column))
  if (missing.length) return `Missing columns: ${missing.join(', ')}`
  const seen = new Set<string>()
  const twice = columns.filter((column) => (seen.has(column) ? true : (seen.add(column), false)))
  if (twice.length) return `Columns given twice: ${twice.join(', ')}`
  return null
}

export class VendorCsvHeaderError extends Error {}

/**
 * A csv-parse stream of `{ line, record }`: `line` is the line in the file
 * where the record starts (the header is line 1), so messages point at it.
 */
export function vendorCsvParser(delimiter: ',' | ';'): Parser {
  return parse({
    bom: true,
    delimiter,
    info: true,
    skip_empty_lines: true,
    trim: false,
    columns: (header: string[]) => {
      const columns = header.map((column) => column.trim().toLowerCase())
      const problem = headerProblem(columns)
      if (problem) throw new VendorCsvHeaderError(problem)
      return columns
    },
  })
}

export type ParsedRecord = { line: number; record: VendorCsvRecord }

/** Line breaks in bytes [from, to): CRLF, CR and LF each count once. */
function lineBreaks(source: Buffer, from: number, to: number) {
  let count = 0
  for (let i = from; i < to; i++) {
    if (source[i] === 0x0a || (source[i] === 0x0d && source[i + 1] !== 0x0a)) count++
  }
  return count
}

/**
 * Every record of a CSV file, with the line it starts on (the header is
 * line 1), so that messages point at the right line. csv-parse reports
 * where a record ends in bytes; the record's own quoted line breaks lead
 * back to its first line.
 */
export async function readVendorCsv(
  input: Buffer | string,
  delimiter: ',' | ';'
): Promise<ParsedRecord[]> {
  const source = typeof input === 'string' ? Buffer.from(input, 'utf8') : input
  const records: ParsedRecord[] = []
  let offset = 0
  let breaks = 0
  for await (const item of Readable.from([source]).pipe(vendorCsvParser(delimiter))) {
    const end: number = item.info.bytes
    breaks += lineBreaks(source, offset, end)
    offset = end
    const endsWithBreak = source[end - 1] === 0x0a || source[end - 1] === 0x0d
    const lastLine = endsWithBreak ? breaks : breaks + 1
    const inside = Object.values(item.record as Record<string, string>).reduce(
      (sum, value) => sum + (value.match(/\r\n|\r|\n/g)?.length ?? 0),
      0
    )
    records.push({ line: lastLine - inside, record: item.record })
  }
  return records
}

/* -------------------------------------------------------------------------- */
/* Row validation                                                              */
/* -------------------------------------------------------------------------- */

function cell(record: VendorCsvRecord, column: VendorCsvColumn): string {
  return unescapeCell((record[column] ?? '').trim())
}

function orNull(value: string): string | null {
  return value === '' ? null : value
}

/** Topic slugs of a cell: `a|b`, and `a;b` where `;` is not the delimiter. */
export function topicSlugsOf(value: string): string[] {
  return value
    .split(/[|;]/)
    .map((slug) => slug.trim().toLowerCase())
    .filter(Boolean)
}

/** Topic ids by slug, for topicIdsOf. */
export async function topicIdsBySlug(client?: QueryClientContract) {
  const topics = await Topic.query({ client }).select('id', 'slug')
  return new Map(topics.map((topic) => [topic.slug, topic.id]))
}

/**
 * One CSV record through the web form's validator (vendor_validator.ts).
 * Either the row, ready to write, or the reason it is refused, with its
 * line number.
 */
export async function validateVendorRecord(
  line: number,
  record: VendorCsvRecord,
  topics: Map<string, number>,
  client?: QueryClientContract
): Promise<RowResult> {
  const refuse = (reason: string): RowResult => ({ ok: false, line, reason })

  const slug = orNull(cell(record, 'slug'))
  if (slug !== null && (!SLUG.test(slug) || slug.length > 160)) {
    return refuse('slug: only lower-case letters, digits and single hyphens')
  }

  const status = orNull(cell(record, 'status')?.toLowerCase())
  if (status !== null && !(IMPORTABLE_STATUSES as readonly string[]).includes(status)) {
    return refuse(`status: one of ${IMPORTABLE_STATUSES.join(', ')}`)
  }

  const slugs = topicSlugsOf(cell(record, 'topics'))
  const unknown = slugs.filter((topic) => !topics.has(topic))
  if (unknown.length) return refuse(`topics: unknown topic ${unknown.join(', ')}`)

  const input = {
    ...Object.fromEntries(
      VENDOR_PROFILE_FIELDS.map((field) => [field, orNull(cell(record, columnOf(field)))])
    ),
    topicIds: slugs.map((topic) => topics.get(topic)!),
  }

  try {
    const output = await vendorValidator.validate(input, {
      messagesProvider: i18nManager.locale('en').createMessagesProvider(),
      meta: { client },
    })
    return {
      ok: true,
      row: {
        line,
        slug,
        status: status as ImportableStatus | null,
        attributes: vendorAttributes(output),
        topicIds: [...output.topicIds].sort((a, b) => a - b),
      },
    }
  } catch (error) {
    if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
    const messages = error.messages as { field: string; message: string }[]
    return refuse(
      messages
        .map(({ field, message }) => {
          const root = field.split('.')[0]
          const column = root === 'topicIds' ? 'topics' : columnOf(root as VendorProfileField)
          return `${column}: ${message}`
        })
        .join('; ')
    )
  }
}

/* -------------------------------------------------------------------------- */
/* Writing                                                                     */
/* -------------------------------------------------------------------------- */

/** One vendor as a CSV record; `topics` are the vendor's topic slugs. */
export function vendorCsvRecord(
  vendor: Pick<Vendor, VendorProfileField | 'slug' | 'status'>,
  topicSlugs: string[]
): Record<VendorCsvColumn, string> {
  const record = {
    slug: vendor.slug,
    ...Object.fromEntries(
      VENDOR_PROFILE_FIELDS.map((field) => [columnOf(field), vendor[field] ?? ''])
    ),
    topics: topicSlugs.join('|'),
    status: vendor.status,
  } as Record<VendorCsvColumn, string>
  for (const column of VENDOR_CSV_COLUMNS) record[column] = escapeCell(record[column])
  return record
}

export function vendorCsvStringifier(): Stringifier {
  return stringify({ header: true, columns: [...VENDOR_CSV_COLUMNS], record_delimiter: '\n' })
}

/** The id of the topic an export is limited to; null for every topic; 404 for an unknown one. */
export async function exportTopicId(slug?: string | null): Promise<number | null> {
  if (!slug) return null
  const topic = await Topic.findByOrFail('slug', slug)
  return topic.id
}

/**
 * The published vendors (of one topic, if given) as CSV records, by slug,
 * loaded in pages so that large directories stream.
 */
export async function* exportVendorRecords(topicId: number | null = null) {
  const pageSize = 500
  let afterSlug: string | null = null
  for (;;) {
    const vendors: Vendor[] = await Vendor.query()
      .withScopes((scopes) => {
        scopes.published()
        if (topicId !== null) scopes.inTopic(topicId)
      })
      .if(afterSlug !== null, (query) => query.where('vendors.slug', '>', afterSlug!))
      .preload('topics', (topics) => topics.orderBy('position', 'asc').orderBy('slug', 'asc'))
      .orderBy('vendors.slug', 'asc')
      .limit(pageSize)
    for (const vendor of vendors) {
      yield vendorCsvRecord(
        vendor,
        vendor.topics.map((topic) => topic.slug)
      )
    }
    if (vendors.length < pageSize) return
    afterSlug = vendors[vendors.length - 1].slug
  }
}

/**
 * The export as a readable CSV stream (header first), for a file, stdout
 * or a download. A database error ends the stream with that error.
 */
export function vendorCsvStream(topicId: number | null = null): Readable {
  const output = vendorCsvStringifier()
  ;(async () => {
    for await (const record of exportVendorRecords(topicId)) {
      if (!output.write(record)) await once(output, 'drain')
    }
    output.end()
  })().catch((error) => output.destroy(error))
  return output
}
