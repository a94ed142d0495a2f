import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import Vendor, { type VendorStatus } from '#models/vendor'
import type { VendorSnapshot } from '#models/vendor_revision'
import AuditService from '#services/audit_service'
import { applySnapshot, diffSnapshots, snapshotOf } from '#services/vendor_snapshot'
import { fold } from '#services/search/fold'
import { uniqueSlug } from '#services/slug'
import {
  topicIdsBySlug,
  validateVendorRecord,
  type ParsedRecord,
  type VendorRow,
} from '#services/vendors/vendor_csv'

export const DEFAULT_BATCH_SIZE = 200

export type RejectedRow = { line: number; reason: string }

export type ImportSummary = {
  created: number
  updated: number
  unchanged: number
  rejected: RejectedRow[]
  /** Set when a batch could not be written; it and every later batch were not written. */
  failed: { fromLine: number; toLine: number; error: string } | null
}

export type Plan =
  | { action: 'create'; row: VendorRow }
  | { action: 'update'; row: VendorRow; vendor: Vendor }
  | { action: 'unchanged'; row: VendorRow; vendor: Vendor }

/**
 * Brings a CSV's vendors in (see vendor_csv.ts for the format).
 *
 * Each row is checked with the web form's validator, then matched to an
 * existing vendor by slug, or else by name plus postal code. Rows are
 * written in batches, one transaction each, so that a failure never leaves
 * half a row behind. With `dryRun` it reads and decides the same way and
 * writes nothing.
 *
 * Imported vendors are published without members, so their owners can
 * claim them, unless the row sets a status.
 */
export default class VendorImporter {
  #audit = new AuditService()

  constructor(private options: { dryRun?: boolean; batchSize?: number } = {}) {}

  async run(
    records: ParsedRecord[],
    onProgress: (done: number, total: number) => void = () => {}
  ): Promise<ImportSummary> {
    const summary: ImportSummary = {
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: [],
      failed: null,
    }
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE
    const topics = await topicIdsBySlug()
    const seen = new SeenKeys()

    for (let start = 0; start < records.length; start += batchSize) {
      const batch = records.slice(start, start + batchSize)
      const plans: Plan[] = []
      for (const { line, record } of batch) {
        const result = await validateVendorRecord(line, record, topics)
        if (!result.ok) {
          summary.rejected.push({ line: result.line, reason: result.reason })
          continue
        }
        const plan = await this.plan(result.row)
        const duplicate = seen.check(result.row, plan)
        if (duplicate !== null) {
          summary.rejected.push({ line, reason: `the same vendor as line ${duplicate}` })
          continue
        }
        plans.push(plan)
      }

      if (!this.options.dryRun) {
        try {
          await db.transaction(async (trx) => {
            for (const plan of plans) await this.write(plan, trx)
          })
        } catch (error) {
          summary.failed = {
            fromLine: batch[0].line,
            toLine: batch[batch.length - 1].line,
            error: error instanceof Error ? error.message : String(error),
          }
          onProgress(start + batch.length, records.length)
          return summary
        }
      }

      for (const plan of plans) {
        if (plan.action === 'create') summary.created += 1
        else if (plan.action === 'update') summary.updated += 1
        else summary.unchanged += 1
      }
      onProgress(start + batch.length, records.length)
    }
    return summary
  }

  /** The existing vendor a row means: same slug, or else same name and postal code. */
  async match(row: VendorRow, client?: QueryClientContract): Promise<Vendor | null> {
    if (row.slug) {
      const bySlug = await Vendor.query({ client })
        .where('slug', row.slug)
        .preload('topics')
        .first()
      if (bySlug) return bySlug
    }
    // Names differ in case and umlaut spelling between lists; compare them folded.
    const name = fold(row.attributes.name).replace(/\s+/g, ' ')
    const samePostalCode = await Vendor.query({ client })
      .where('postal_code', row.attributes.postalCode)
      .preload('topics')
      .orderBy('id', 'asc')
    return samePostalCode.find((vendor) => fold(vendor.name).replace(/\s+/g, ' ') === name) ?? null
  }

  private async plan(row: VendorRow, client?: QueryClientContract): Promise<Plan> {
    const vendor = await this.match(row, client)
    if (!vendor) return { action: 'create', row }
    const changes = diffSnapshots(await snapshotOf(vendor), snapshotFor(row, vendor.logoPath))
    const statusChanges = row.status !== null && row.status !== vendor.status
    const action =
      changes.some((change) => change.changed) || statusChanges ? 'update' : 'unchanged'
    return { action, row, vendor }
  }

  /** One row's changes, inside its batch's transaction. */
  protected async write(plan: Plan, trx: TransactionClientContract) {
    if (plan.action === 'unchanged') return
    const { row } = plan

    if (plan.action === 'create') {
      const status = row.status ?? 'published'
      const vendor = await Vendor.create(
        {
          ...row.attributes,
          // The file's slug if it is free, else one made from it or from the name.
          slug: await uniqueSlug(row.slug ?? row.attributes.name, trx),
          status,
          publishedAt: status === 'published' ? DateTime.now() : null,
          searchText: '',
        },
        { client: trx }
      )
      const snapshot = snapshotFor(row, null)
      await applySnapshot(vendor, snapshot, trx)
      await this.#recordImport(vendor, null, { status, ...snapshot }, trx)
      return
    }

    const vendor = plan.vendor
    vendor.useTransaction(trx)
    const before = await snapshotOf(vendor)
    const after = snapshotFor(row, vendor.logoPath)
    const changed = diffSnapshots(before, after).filter((change) => change.changed)
    const oldStatus = vendor.status
    if (row.status !== null && row.status !== vendor.status) {
      vendor.status = row.status
      if (row.status === 'published' && !vendor.publishedAt) vendor.publishedAt = DateTime.now()
    }
    await applySnapshot(vendor, after, trx)
    // Only what changed, on both sides of the entry.
    const side = (key: 'before' | 'after', status: VendorStatus) => ({
      ...Object.fromEntries(changed.map((change) => [change.field, change[key]])),
      ...(oldStatus !== vendor.status ? { status } : {}),
    })
    await this.#recordImport(vendor, side('before', oldStatus), side('after', vendor.status), trx)
  }

  /** The audit entry of one imported row; the import has no actor. */
  #recordImport(
    vendor: Vendor,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
    trx: TransactionClientContract
  ) {
    return this.#audit.record(
      null,
      {
        action: 'vendor.import',
        subjectType: 'vendor',
        subjectId: vendor.id,
        vendorId: vendor.id,
        before,
        after,
      },
      trx
    )
  }
}

/** A row as a snapshot; the logo is not part of the CSV and stays as it is. */
function snapshotFor(row: VendorRow, logoPath: string | null): VendorSnapshot {
  return { ...row.attributes, logoPath, topicIds: row.topicIds }
}

/**
 * Two rows of one file must not mean the same vendor: the later one is
 * refused and names the line of the first.
 */
class SeenKeys {
  #lines = new Map<string, number>()

  check(row: VendorRow, plan: Plan): number | null {
    const keys =
      plan.action === 'create'
        ? [
            `name:${fold(row.attributes.name).replace(/\s+/g, ' ')}|${row.attributes.postalCode}`,
            ...(row.slug ? [`slug:${row.slug}`] : []),
          ]
        : [`id:${plan.vendor.id}`]
    for (const key of keys) {
      const line = this.#lines.get(key)
      if (line !== undefined) return line
    }
    for (const key of keys) this.#lines.set(key, row.line)
    return null
  }
}
