import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'

/**
 * Whether any postal codes are imported, remembered per process. The answer
 * decides on every page with the search form whether a radius is offered,
 * so it must not cost a query per page view:
 * - "yes" is kept (the app never deletes postal codes);
 * - "no" is asked again after `recheckMs`, so a running server notices an
 *   import made by another process.
 * Writing postal codes in this process forgets the answer at once.
 *
 * A `recheckMs` of 0 turns remembering off (the default in tests, where
 * every test rolls back its own data).
 */
export class PostalCodeAvailability {
  #known: { available: boolean; at: number } | null = null

  constructor(
    private lookup: () => Promise<boolean>,
    private recheckMs: number
  ) {}

  async available(): Promise<boolean> {
    const known = this.#known
    if (
      this.recheckMs > 0 &&
      known &&
      (known.available || Date.now() - known.at < this.recheckMs)
    ) {
      return known.available
    }
    const available = await this.lookup()
    this.#known = { available, at: Date.now() }
    return available
  }

  forget() {
    this.#known = null
  }
}

export const postalCodeAvailability = new PostalCodeAvailability(
  async () => Boolean(await db.from('postal_codes').select('code').first()),
  app.inTest ? 0 : 60_000
)
