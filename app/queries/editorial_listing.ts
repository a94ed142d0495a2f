import AuditLog from '#models/audit_log'
import User from '#models/user'
import Vendor, { type VendorStatus } from '#models/vendor'
import { searchTerms } from '#services/search/fold'

export const VENDORS_PER_PAGE = 25
export const AUDIT_PER_PAGE = 25

/**
 * Vendors in every status for the editors, by name. Words go through the
 * same full-text index as the public search (whose own query is limited to
 * published vendors): prefix terms, all of them must match.
 */
export async function listVendors(filter: { status?: VendorStatus; q?: string; page?: number }) {
  const query = Vendor.query()
    .if(filter.status, (q) => q.where('vendors.status', filter.status!))
    .select('vendors.*')
  const terms = filter.q ? searchTerms(filter.q) : []
  if (filter.q && terms.length === 0) query.whereRaw('1 = 0')
  if (terms.length) query.withScopes((scopes) => scopes.matchingWords(terms))
  return query
    .orderByRaw('lower(vendors.name) asc')
    .orderBy('vendors.id', 'asc')
    .paginate(filter.page ?? 1, VENDORS_PER_PAGE)
}

/**
 * The audit log, newest first, optionally of one vendor (by slug) and one
 * action. `vendor` is undefined when the slug names no vendor.
 */
export async function auditLog(filter: { vendor?: string; action?: string; page?: number }) {
  const vendor = filter.vendor ? await Vendor.findBy('slug', filter.vendor) : null
  if (filter.vendor && !vendor) return { vendor: undefined, entries: null }

  const entries = await AuditLog.query()
    .if(vendor, (q) => q.where('vendor_id', vendor!.id))
    .if(filter.action, (q) => q.where('action', filter.action!))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .paginate(filter.page ?? 1, AUDIT_PER_PAGE)

  // Names of the subjects that still exist: vendors and users by id.
  const rows = entries.all()
  const vendorIds = [...new Set(rows.map((row) => row.vendorId).filter((id): id is number => !!id))]
  const userIds = [
    ...new Set(
      rows.filter((row) => row.subjectType === 'user' && row.subjectId).map((row) => row.subjectId!)
    ),
  ]
  const [vendors, users] = await Promise.all([
    vendorIds.length ? Vendor.query().whereIn('id', vendorIds).select('id', 'slug', 'name') : [],
    userIds.length ? User.query().whereIn('id', userIds).select('id', 'name') : [],
  ])
  return {
    vendor,
    entries,
    vendorsById: new Map(vendors.map((row) => [row.id, row])),
    usersById: new Map(users.map((row) => [row.id, row])),
  }
}

/** An entry's before/after as rows of one key each, values as JSON text. */
export function auditChanges(entry: Pick<AuditLog, 'before' | 'after'>) {
  const before = entry.before ?? {}
  const after = entry.after ?? {}
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  const json = (source: Record<string, unknown>, key: string) =>
    key in source ? JSON.stringify(source[key]) : ''
  return keys.map((key) => ({ key, before: json(before, key), after: json(after, key) }))
}
