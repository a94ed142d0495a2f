import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Topic from '#models/topic'
import Vendor from '#models/vendor'
import User, { type UserRole } from '#models/user'
import VendorMember from '#models/vendor_member'
import Slot, { type SlotPosition } from '#models/slot'
import { demoTopics, demoVendors } from '#database/data/demo_catalog'
import { demoSlots } from '#database/data/demo_slots'
import { refreshSearchText } from '#services/search/search_index'
import { assignVendorCoordinates } from '#services/geo/postal_code_store'
import { seedDemoBookings } from '#database/seeders/demo_bookings'
import { seedDemoNews } from '#database/seeders/demo_news'

export type DemoSeedSummary = {
  topicsCreated: number
  vendorsCreated: number
  vendorsWithCoordinates: number
  /** null when accounts were skipped (production). */
  usersCreated: number | null
  slotsCreated: number
  newsCreated: number
}

/** The demo topics' slots: `slots.get('social-media')!.sidebar`. */
export type DemoSlots = Map<string, Record<SlotPosition, Slot>>

/**
 * Gives every demo topic page its sidebar and vendor_box slot
 * (database/data/demo_slots.ts), unless the topic already has a slot of
 * that position; returns each demo topic's slots by position, whether just
 * made or found. Demo bookings build on these.
 */
export async function seedDemoSlots(
  trx: TransactionClientContract,
  topicIds: Map<string, number>
): Promise<{ slots: DemoSlots; created: number }> {
  const existing = await Slot.query({ client: trx })
    .whereIn('topic_id', [...topicIds.values()])
    .orderBy('id')
  const slots: DemoSlots = new Map()
  let created = 0
  for (const [slug, topicId] of topicIds) {
    const byPosition = {} as Record<SlotPosition, Slot>
    for (const demo of demoSlots) {
      const found = existing.find(
        (slot) => slot.topicId === topicId && slot.position === demo.position
      )
      byPosition[demo.position] =
        found ?? (await Slot.create({ ...demo, topicId, active: true }, { client: trx }))
      if (!found) created += 1
    }
    slots.set(slug, byPosition)
  }
  return { slots, created }
}

export const DEMO_PASSWORD = 'demo-password-2026'

/** The demo accounts of docs/decisions.md; `owns` is the slug of the vendor they own. */
export const demoAccounts: { email: string; name: string; role: UserRole; owns?: string }[] = [
  { email: 'admin@example.com', name: 'Demo Administration', role: 'admin' },
  { email: 'editor@example.com', name: 'Demo Redaktion', role: 'editor' },
  { email: 'vendor@example.com', name: 'Demo Anbieter', role: 'member', owns: 'seitenbau-gmbh' },
  { email: 'advertiser@example.com', name: 'Demo Werbekunde', role: 'member' },
]

/**
 * Writes the demo catalog (database/data/demo_catalog.ts), once. Lucid runs
 * it for `node ace db:seed` (outside production), and `node ace demo:seed`
 * runs it with a summary.
 *
 * Rows are matched by slug and only missing ones are created. Existing rows
 * are never updated or removed, so an editor's changes survive, and a second
 * run changes nothing. Everything happens in one transaction.
 *
 * The demo accounts (known password!) are never created in production,
 * whoever calls this.
 */
export default class DemoSeeder extends BaseSeeder {
  static environment = ['development', 'test']

  async run() {
    await this.seed()
  }

  /** Seeds what is missing and says how much that was. */
  async seed(): Promise<DemoSeedSummary> {
    return this.client.transaction(async (trx) => {
      const { topicIds, topicsCreated } = await this.#seedTopics(trx)
      const created = await this.#seedVendors(trx, topicIds)
      const ids = created.map((vendor) => vendor.id)

      await refreshSearchText(ids, trx)
      const vendorsWithCoordinates = await assignVendorCoordinates(trx, ids)

      const usersCreated = app.inProduction ? null : await this.#seedAccounts(trx)

      const slots = await seedDemoSlots(trx, topicIds)
      // Billing details, bookings on those slots and their invoices; they need the demo accounts.
      if (!app.inProduction) await seedDemoBookings(trx, slots.slots)

      const newsCreated = await seedDemoNews(trx)

      return {
        topicsCreated,
        vendorsCreated: created.length,
        vendorsWithCoordinates,
        usersCreated,
        slotsCreated: slots.created,
        newsCreated,
      }
    })
  }

  /** Creates the missing topics; returns the id of every catalog topic by slug. */
  async #seedTopics(trx: TransactionClientContract) {
    const existing = await Topic.query({ client: trx }).whereIn(
      'slug',
      demoTopics.map((topic) => topic.slug)
    )
    const known = new Set(existing.map((topic) => topic.slug))
    const missing = demoTopics.filter((topic) => !known.has(topic.slug))
    const created = await Topic.createMany(missing, { client: trx })

    return {
      topicIds: new Map([...existing, ...created].map((topic) => [topic.slug, topic.id])),
      topicsCreated: created.length,
    }
  }

  /** Creates the missing vendors with their topic links; returns the new ones. */
  async #seedVendors(trx: TransactionClientContract, topicIds: Map<string, number>) {
    const existing = await Vendor.query({ client: trx })
      .whereIn(
        'slug',
        demoVendors.map((vendor) => vendor.slug)
      )
      .select('slug')
    const known = new Set(existing.map((vendor) => vendor.slug))
    const now = DateTime.now()

    const created: Vendor[] = []
    for (const { topics, ...fields } of demoVendors) {
      if (known.has(fields.slug)) continue

      const vendor = await Vendor.create(
        {
          ...fields,
          country: 'DE',
          publishedAt: fields.status === 'published' ? now : null,
        },
        { client: trx }
      )
      const ids = topics.map((slug) => {
        const id = topicIds.get(slug)
        if (id === undefined)
          throw new Error(`Demo vendor "${fields.slug}" names unknown topic "${slug}"`)
        return id
      })
      await vendor.related('topics').attach(ids, trx)
      created.push(vendor)
    }
    return created
  }

  /** Creates the missing demo accounts, confirmed; a new vendor owner gets their vendor. */
  async #seedAccounts(trx: TransactionClientContract) {
    const existing = await User.query({ client: trx }).whereIn(
      'email',
      demoAccounts.map((account) => account.email)
    )
    const known = new Set(existing.map((user) => user.email))
    let created = 0

    for (const { owns, ...account } of demoAccounts) {
      if (known.has(account.email)) continue
      const user = await User.create(
        { ...account, password: DEMO_PASSWORD, locale: 'de', emailVerifiedAt: DateTime.now() },
        { client: trx }
      )
      created += 1
      const vendor = owns ? await Vendor.findBy('slug', owns, { client: trx }) : null
      if (vendor) {
        await VendorMember.create(
          { vendorId: vendor.id, userId: user.id, role: 'owner' },
          { client: trx }
        )
      }
    }
    return created
  }
}
