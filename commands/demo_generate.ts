import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import VendorGenerator from './_vendor_generator.js'
import { progressBar, throttled } from './_progress.js'
import { announceDirectoryChange } from './_directory_changed.js'

export default class DemoGenerate extends BaseCommand {
  static commandName = 'demo:generate'
  static description = 'Generate many fictitious published vendors (for benchmarks and scale tests)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'How many vendors to add', default: 1000 })
  declare vendors: number

  @flags.number({ description: 'Random seed, to generate the same data set again' })
  declare seed?: number

  @flags.boolean({ description: 'Generate even when NODE_ENV=production' })
  declare force: boolean

  async run() {
    if (this.app.inProduction && !this.force) {
      this.logger.error(
        'Refusing to generate demo vendors in production. Pass --force to do it anyway.'
      )
      this.exitCode = 1
      return
    }
    if (!Number.isInteger(this.vendors) || this.vendors < 1) {
      this.logger.error('--vendors must be a positive whole number')
      this.exitCode = 1
      return
    }

    const started = Date.now()
    let result = { created: 0, places: 0, topics: 0 }
    const tasks = this.ui.tasks()
    tasks.add(`Generate ${this.vendors.toLocaleString('en')} vendors`, async (task) => {
      const report = throttled((done: number, total: number) =>
        task.update(progressBar(done, total, 'vendors'))
      )
      result = await new VendorGenerator().run({
        count: this.vendors,
        seed: this.seed,
        onProgress: (done, total) => report(done === total, done, total),
      })
      return `${result.created} vendors`
    })

    await tasks.run()
    if (tasks.getState() === 'failed') {
      this.error = tasks.error
      this.exitCode = 1
      return
    }

    await announceDirectoryChange(this.app)

    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    this.logger.success(
      `Generated ${result.created} published vendors in ${seconds} s, ` +
        `spread over ${result.places} postal codes and linked to ${result.topics} topics`
    )
  }
}
