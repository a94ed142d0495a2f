import Topic from '#models/topic'
import type { VendorSnapshot } from '#models/vendor_revision'
import { logoUrl } from '#services/vendors/logo_url'
import { renderMarkdown } from '#services/markdown'
import { diffSnapshots, type SnapshotField } from '#services/vendor_snapshot'

/**
 * A field's value as the review pages (editorial and the owner's own) show it. Every text is printed
 * escaped; the description (Markdown) comes both as its source and as the
 * sanitized HTML that the public page will show (`html`); topics by name;
 * the logo as an image.
 */
export type DisplayValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string; multiline: boolean; html?: string }
  | { kind: 'topics'; names: string[] }
  | { kind: 'logo'; url: string }

export type DiffRow = {
  field: SnapshotField
  before: DisplayValue
  after: DisplayValue
  changed: boolean
}

export function displayValue(
  field: SnapshotField,
  value: unknown,
  topicNames: Map<number, string>
): DisplayValue {
  if (field === 'topicIds') {
    const ids = (value as number[] | null) ?? []
    if (!ids.length) return { kind: 'empty' }
    return { kind: 'topics', names: ids.map((id) => topicNames.get(id) ?? `#${id}`) }
  }
  if (value === null || value === undefined || value === '') return { kind: 'empty' }
  if (field === 'logoPath') {
    const url = logoUrl(String(value))
    return url ? { kind: 'logo', url } : { kind: 'text', text: String(value), multiline: false }
  }
  if (field === 'description') {
    const text = String(value)
    return { kind: 'text', text, multiline: true, html: renderMarkdown(text) }
  }
  return { kind: 'text', text: String(value), multiline: false }
}

export async function topicNamesOf(...lists: number[][]) {
  const ids = [...new Set(lists.flat())]
  const topics = ids.length ? await Topic.query().whereIn('id', ids).select('id', 'name') : []
  return new Map(topics.map((topic) => [topic.id, topic.name]))
}

/** The revision against the vendor's current version, field by field, ready to print. */
export async function revisionDiffRows(
  current: VendorSnapshot,
  proposed: VendorSnapshot
): Promise<DiffRow[]> {
  const names = await topicNamesOf(current.topicIds, proposed.topicIds)
  return diffSnapshots(current, proposed).map((change) => ({
    field: change.field,
    before: displayValue(change.field, change.before, names),
    after: displayValue(change.field, change.after, names),
    changed: change.changed,
  }))
}
