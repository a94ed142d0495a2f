import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { fold } from '#services/search/fold'

/** Leaves room for a "-123" suffix within the column's 160 characters. */
const MAX_BASE_LENGTH = 150

/**
 * The URL name of a vendor, folded the German way: "Gießen Digital GmbH"
 * → "giessen-digital-gmbh". Never empty.
 */
export function slugify(name: string): string {
  const slug = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_BASE_LENGTH)
    .replace(/-+$/, '')
  return slug || 'anbieter'
}

/** The first of `base`, `base-2`, `base-3` … that `taken` does not hold. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(base)) return base
  let suffix = 2
  while (used.has(`${base}-${suffix}`)) suffix += 1
  return `${base}-${suffix}`
}

/**
 * A slug for a new vendor that no other vendor has. It is given once, at
 * creation, and never changes, so links keep working after renames.
 */
export async function uniqueSlug(name: string, client: QueryClientContract): Promise<string> {
  const base = slugify(name)
  // Slugs hold only [a-z0-9-], so the prefix pattern has no wildcards of its own.
  const rows = await client
    .from('vendors')
    .where('slug', base)
    .orWhere('slug', 'like', `${base}-%`)
    .select('slug')
  return firstFreeSlug(
    base,
    rows.map((row: { slug: string }) => row.slug)
  )
}
