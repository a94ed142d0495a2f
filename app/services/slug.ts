import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { fold } from '#services/search/fold'

/**
 * How long a slug's base may be in each table: room for a "-123" suffix
 * within the column (vendors.slug 160, topics.slug 120 characters).
 */
const MAX_BASE_LENGTH = { vendors: 150, topics: 110, news_items: 190, keywords: 110 }
type SluggedTable = keyof typeof MAX_BASE_LENGTH

/**
 * The URL name of a vendor or topic, folded the German way:
 * "Gießen Digital GmbH" → "giessen-digital-gmbh". Never empty.
 */
export function slugify(name: string, maxLength = MAX_BASE_LENGTH.vendors): string {
  const slug = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
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
 * A slug that no other row of the table has. It is given once, at creation,
 * and never changes, so links keep working after renames.
 */
export async function uniqueSlug(
  name: string,
  client: QueryClientContract,
  table: SluggedTable = 'vendors'
): Promise<string> {
  const base = slugify(name, MAX_BASE_LENGTH[table])
  // Slugs hold only [a-z0-9-], so the prefix pattern has no wildcards of its own.
  const rows = await client
    .from(table)
    .where('slug', base)
    .orWhere('slug', 'like', `${base}-%`)
    .select('slug')
  return firstFreeSlug(
    base,
    rows.map((row: { slug: string }) => row.slug)
  )
}
