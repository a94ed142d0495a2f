import type { SourceLink } from '#models/news_item'
import { slugify } from '#services/slug'

/** At most this many keywords per item or vendor. */
export const MAX_KEYWORDS = 12
export const MAX_SOURCE_LINKS = 10

/**
 * "Social Media, komba gewerkschaft; DStGB" → keywords in the order given,
 * trimmed, each once (by slug), blanks dropped.
 */
export function parseKeywords(text: string | null | undefined): { slug: string; name: string }[] {
  const seen = new Set<string>()
  const keywords: { slug: string; name: string }[] = []
  for (const part of (text ?? '').split(/[,;\n]/)) {
    const name = part.replace(/\s+/g, ' ').trim()
    if (!name) continue
    const slug = slugify(name, 110)
    if (seen.has(slug)) continue
    seen.add(slug)
    keywords.push({ slug, name })
  }
  return keywords
}

/** A link target only if it is an absolute http(s) URL. */
export function httpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/**
 * One source link per line: "Title | https://…" or just "https://…" (the
 * title is then the host). Returns the links, or the 1-based numbers of the
 * lines that are no link.
 */
export function parseSourceLinks(text: string | null | undefined): {
  links: SourceLink[]
  invalidLines: number[]
} {
  const links: SourceLink[] = []
  const invalidLines: number[] = []
  ;(text ?? '').split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim()
    if (!trimmed) return
    const bar = trimmed.lastIndexOf('|')
    const rawUrl = bar === -1 ? trimmed : trimmed.slice(bar + 1).trim()
    const url = httpUrl(rawUrl)
    if (!url) {
      invalidLines.push(index + 1)
      return
    }
    const title = bar === -1 ? '' : trimmed.slice(0, bar).trim()
    links.push({ title: title || rawUrl.replace(/^https?:\/\//, '').replace(/\/$/, ''), url })
  })
  return { links, invalidLines }
}

/** The links as the form shows them again, one per line. */
export function formatSourceLinks(links: SourceLink[]): string {
  return links.map((link) => `${link.title} | ${link.url}`).join('\n')
}

/** The keywords as the form shows them again. */
export function formatKeywords(keywords: { name: string }[]): string {
  return keywords.map((keyword) => keyword.name).join(', ')
}
