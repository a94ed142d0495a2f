import type { I18n } from '@adonisjs/i18n'
import AuditLog from '#models/audit_log'
import Topic from '#models/topic'
import User from '#models/user'
import Vendor, { type VendorStatus } from '#models/vendor'
import { searchTerms } from '#services/search/fold'
import { describeAuditEntries, referencedIds } from '#queries/audit_view'

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
 * Vendors whose name contains `text`, ignoring case; `%`, `_` and `!` in
 * the text match themselves.
 */
function nameContains(text: string) {
  const pattern = `%${text.toLowerCase().replace(/[!%_]/g, (char) => `!${char}`)}%`
  return Vendor.query().whereRaw(`lower(vendors.name) like ? escape '!'`, [pattern])
}

/**
 * The audit log, newest first, in words (see audit_view.ts), optionally of
 * the vendors whose name contains `vendor`, or of one vendor by id, and of
 * one action. `vendors` lists up to two matching vendors (to name the one
 * that matched); `entries` is null when no vendor matches.
 */
export async function auditLog(
  filter: { vendor?: string; vendorId?: number; action?: string; page?: number },
  i18n: I18n
) {
  const byName = filter.vendorId ? null : filter.vendor
  const matching = filter.vendorId
    ? Vendor.query().where('id', filter.vendorId)
    : byName
      ? nameContains(byName)
      : null
  const vendors = matching
    ? await matching.clone().select('id', 'name').orderByRaw('lower(name) asc').limit(2)
    : []
  if (matching && vendors.length === 0) return { vendors, entries: null, lines: [] }

  const entries = await AuditLog.query()
    .if(matching, (q) => q.whereIn('vendor_id', matching!.clone().select('vendors.id')))
    .if(filter.action, (q) => q.where('action', filter.action!))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .paginate(filter.page ?? 1, AUDIT_PER_PAGE)

  // Names of what the entries refer to, as far as it still exists.
  const rows = entries.all()
  const vendorIds = [...new Set(rows.map((row) => row.vendorId).filter((id): id is number => !!id))]
  const refs = referencedIds(rows)
  const [named, users, topics] = await Promise.all([
    vendorIds.length ? Vendor.query().whereIn('id', vendorIds).select('id', 'slug', 'name') : [],
    refs.users.length ? User.query().whereIn('id', refs.users).select('id', 'name') : [],
    refs.topics.length ? Topic.query().whereIn('id', refs.topics).select('id', 'slug', 'name') : [],
  ])
  const names = {
    vendors: new Map(named.map((row) => [row.id, row])),
    users: new Map(users.map((row) => [row.id, row])),
    topics: new Map(topics.map((row) => [row.id, row])),
  }
  return {
    vendors,
    entries,
    vendorsById: names.vendors,
    lines: describeAuditEntries(rows, names, i18n),
  }
}

export const USERS_PER_PAGE = 50

/** Every account for the admins: admins first, then editors, then members; by name within each. */
export async function listUsers(page: number) {
  return User.query()
    .orderByRaw(`case role when 'admin' then 0 when 'editor' then 1 else 2 end`)
    .orderByRaw('lower(name) asc')
    .orderBy('id', 'asc')
    .paginate(page, USERS_PER_PAGE)
}

/** The topics in editorial order, each with its number of published vendors (`vendors_count`). */
export async function topicsWithVendorCounts() {
  return Topic.query()
    .withScopes((scopes) => scopes.ordered())
    .withCount('vendors', (vendors) => vendors.where('status', 'published'))
}
