import { stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import db from '@adonisjs/lucid/services/db'
import {
  detectFormat,
  openPostalCodeFile,
  PostalCodeAggregator,
  readFirstLine,
  readPostalCodeRecords,
  SHIPPED_POSTAL_CODES,
  type PostalCodeFormat,
} from '#services/geo/postal_code_import'
import { assignVendorCoordinates, syncPostalCodes } from '#services/geo/postal_code_store'
import { progressBar, throttled } from './_progress.js'
import { announceDirectoryChange } from './_directory_changed.js'

const FORMAT_NAMES: Record<PostalCodeFormat, string> = {
  csv: 'GeoNames CSV with header',
  geonames: 'GeoNames DE.txt, tab-separated',
}

export default class GeoImport extends BaseCommand {
  static commandName = 'geo:import'
  static description =
    'Import German postal codes (the shipped GeoNames data, or a CSV or DE.txt) and give vendors the coordinate of their code'
  static help = [
    `Without a file it imports the data shipped in ${SHIPPED_POSTAL_CODES}.`,
    'A file may be the GeoNames CSV with a header or DE.txt, plain or gzip-compressed.',
    'Data: GeoNames (https://www.geonames.org/), CC BY 4.0.',
    'Several places under one code become one row with their mean coordinate.',
    'Running it twice changes nothing.',
  ]
  static options: CommandOptions = { startApp: true }

  @args.string({
    description: 'Path to a GeoNames CSV or DE.txt, plain or .gz (default: the shipped data)',
    required: false,
  })
  declare file?: string

  @flags.boolean({ description: 'Skip the import when postal codes are already imported' })
  declare ifEmpty: boolean

  async run() {
    const path = this.file
      ? resolve(process.cwd(), this.file)
      : this.app.makePath(SHIPPED_POSTAL_CODES)
    const size = await stat(path).then(
      (info) => info.size,
      () => null
    )
    if (size === null) {
      this.logger.error(`File not found: ${path}`)
      this.exitCode = 1
      return
    }

    if (!(await this.#isMigrated())) {
      this.logger.error(
        'The database is not set up yet (no postal_codes or vendors table). ' +
          'Run the migrations first: node ace migration:run'
      )
      this.exitCode = 1
      return
    }

    if (this.ifEmpty && (await this.#postalCodeCount()) > 0) {
      this.logger.info(
        'Postal codes are already imported; skipping (run without --if-empty to re-import)'
      )
      return
    }

    let format: PostalCodeFormat
    try {
      format = detectFormat(await readFirstLine(path))
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
      return
    }
    const counters = { read: 0, skipped: 0 }
    const aggregator = new PostalCodeAggregator()
    let sync = { inserted: 0, updated: 0, unchanged: 0 }
    let vendorsUpdated = 0

    const tasks = this.ui.tasks()
    tasks
      .add(`Read ${basename(path)} (${FORMAT_NAMES[format]})`, async (task) => {
        let bytes = 0
        const input = await openPostalCodeFile(path, (read) => (bytes += read))
        const report = throttled(() => task.update(progressBar(bytes, size, 'bytes')))
        for await (const record of readPostalCodeRecords(input, format, counters)) {
          aggregator.add(record)
          report(false)
        }
        report(true)
        return `${counters.read} rows, ${aggregator.size} postal codes`
      })
      .add('Write postal codes', async (task) => {
        const report = throttled((done: number, total: number) =>
          task.update(progressBar(done, total, 'rows'))
        )
        sync = await syncPostalCodes(aggregator.rows(), (done, total) =>
          report(done === total, done, total)
        )
        return `${sync.inserted} new, ${sync.updated} changed, ${sync.unchanged} unchanged`
      })
      .add('Give vendors the coordinate of their postal code', async () => {
        vendorsUpdated = await assignVendorCoordinates()
        return `${vendorsUpdated} vendors updated`
      })

    await tasks.run()
    if (tasks.getState() === 'failed') {
      this.error = tasks.error
      this.exitCode = 1
      return
    }

    await announceDirectoryChange(this.app)

    this.logger.success(
      `Imported ${basename(path)}: ${counters.read} rows read, ${counters.skipped} skipped ` +
        `(not a 5-digit code or no coordinate); ${aggregator.size} postal codes ` +
        `(${sync.inserted} new, ${sync.updated} changed, ${sync.unchanged} unchanged); ` +
        `${vendorsUpdated} vendors got new coordinates`
    )
    this.logger.info('Postal code data: GeoNames (https://www.geonames.org/), CC BY 4.0')
  }

  /** Both tables the import writes; without them every query would fail with raw SQL. */
  async #isMigrated() {
    const schema = db.connection().schema
    return (await schema.hasTable('postal_codes')) && (await schema.hasTable('vendors'))
  }

  async #postalCodeCount() {
    const row = await db.from('postal_codes').count('* as total').first()
    return Number(row?.total ?? 0)
  }
}
