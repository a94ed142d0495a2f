import { createWriteStream } from 'node:fs'
import { resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { exportTopicId, vendorCsvStream } from '#services/vendors/vendor_csv'

export default class VendorsExport extends BaseCommand {
  static commandName = 'vendors:export'
  static description = 'Write the published vendors as CSV (the vendors:import format)'
  static help = [
    'Writes to stdout unless --output is given. One row per vendor, by slug; topics as slugs',
    'separated by `|`. The editorial area offers the same file for download.',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Only the vendors of this topic (slug)' })
  declare topic: string

  @flags.string({ description: 'Write to this file instead of stdout' })
  declare output: string

  async run() {
    let topicId: number | null
    try {
      topicId = await exportTopicId(this.topic)
    } catch (error) {
      if (!(error instanceof lucidErrors.E_ROW_NOT_FOUND)) throw error
      this.logger.error(`Unknown topic: ${this.topic}`)
      this.exitCode = 1
      return
    }

    if (!this.output) {
      await pipeline(vendorCsvStream(topicId), process.stdout, { end: false })
      return
    }
    const path = resolve(process.cwd(), this.output)
    await pipeline(vendorCsvStream(topicId), createWriteStream(path))
    this.logger.success(`Wrote ${path}`)
  }
}
