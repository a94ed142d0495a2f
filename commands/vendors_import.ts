import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { CsvError } from 'csv-parse'
import {
  detectDelimiter,
  readVendorCsv,
  VendorCsvHeaderError,
  type ParsedRecord,
} from '#services/vendors/vendor_csv'
import VendorImporter, {
  DEFAULT_BATCH_SIZE,
  type ImportSummary,
} from '#services/vendors/vendor_import'
import { progressBar, throttled } from './_progress.js'
import { announceDirectoryChange } from './_directory_changed.js'

export default class VendorsImport extends BaseCommand {
  static commandName = 'vendors:import'
  static description = 'Import vendors from a CSV file: new ones are created, known ones updated'
  static help = [
    'A header row names the columns; fields are separated by `,` or `;`.',
    'Columns: slug, name, street, postal_code, city, state, country, phone,',
    'email, website, description, topics, status.',
    'Required: name, postal_code, city and topics (topic slugs, `|` between).',
    'status: published, draft or archived. Left empty, new vendors are',
    'published without members (so they can be claimed); known ones keep theirs.',
    'Rows match a vendor by slug, or else by name and postal code, and are',
    'checked by the same rules as the web form. Rejected rows are listed with',
    'their line number. --dry-run writes nothing.',
    'A file written by `node ace vendors:export` imports unchanged.',
  ]
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Path to the CSV file' })
  declare file: string

  @flags.boolean({ description: 'Check every row and report what would change, but write nothing' })
  declare dryRun: boolean

  @flags.number({ description: `Rows per transaction (default ${DEFAULT_BATCH_SIZE})` })
  declare batchSize: number

  async run() {
    const path = resolve(process.cwd(), this.file)
    if (
      !(await stat(path).then(
        (info) => info.isFile(),
        () => false
      ))
    ) {
      return this.#fail(`File not found: ${path}`)
    }

    let records: ParsedRecord[]
    try {
      const source = await readFile(path)
      const delimiter = detectDelimiter(
        source
          .subarray(0, 16 * 1024)
          .toString('utf8')
          .split(/\r?\n/)[0]
      )
      records = await readVendorCsv(source, delimiter)
    } catch (error) {
      if (error instanceof VendorCsvHeaderError || error instanceof CsvError) {
        return this.#fail(`${basename(path)} cannot be read: ${error.message}`)
      }
      throw error
    }

    const batchSize = this.batchSize > 0 ? this.batchSize : DEFAULT_BATCH_SIZE
    const importer = new VendorImporter({ dryRun: this.dryRun, batchSize })
    let summary: ImportSummary | null = null
    const tasks = this.ui.tasks()
    tasks.add(
      `${this.dryRun ? 'Check' : 'Import'} ${records.length} rows of ${basename(path)}`,
      async (task) => {
        const report = throttled((done: number, total: number) =>
          task.update(progressBar(done, total, 'rows'))
        )
        summary = await importer.run(records, (done, total) => report(done === total, done, total))
        return `${summary.created} new, ${summary.updated} updated, ${summary.unchanged} unchanged`
      }
    )
    await tasks.run()
    // Even a failed run may have committed batches before the failure.
    if (!this.dryRun) await announceDirectoryChange(this.app)
    if (tasks.getState() === 'failed') {
      this.error = tasks.error
      this.exitCode = 1
      return
    }
    this.#report(summary!)
  }

  #report(summary: ImportSummary) {
    for (const row of summary.rejected) {
      this.logger.warning(`Line ${row.line}: ${row.reason}`)
    }
    if (summary.failed) {
      this.logger.error(
        `Writing lines ${summary.failed.fromLine}–${summary.failed.toLine} failed and was rolled back; ` +
          `later rows were not imported: ${summary.failed.error}`
      )
      this.exitCode = 1
    }
    const counts =
      `${summary.created} created, ${summary.updated} updated, ` +
      `${summary.unchanged} unchanged, ${summary.rejected.length} rejected`
    if (this.dryRun) {
      this.logger.info(`Dry run, nothing written. Would be: ${counts}`)
    } else {
      this.logger.success(`Imported: ${counts}`)
    }
  }

  #fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}
