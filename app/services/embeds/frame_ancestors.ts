/**
 * The parent origins that may frame the embeds (`EMBED_FRAME_ANCESTORS`),
 * as CSP `frame-ancestors` sources. Pure, so start/env.ts validates the
 * variable at boot with it.
 *
 * - Unset or empty: `'self'`, only the portal's own pages may frame them.
 *   `*` would let any site show the portal's ads under its own name, so it
 *   is never the default; an operator who wants that writes it out.
 * - Otherwise a list separated by spaces or commas, of origins
 *   (`https://news.example`, `https://*.example.org`, `http://localhost:8080`),
 *   `'self'`, or alone `*` (any site) or `'none'` (no site).
 */
export const DEFAULT_FRAME_ANCESTORS: readonly string[] = ["'self'"]

const ORIGIN =
  /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i

/** The sources of `value`, or an error message that names what is wrong. */
export function parseFrameAncestors(
  value: string | undefined
): { sources: string[] } | { error: string } {
  const entries = (value ?? '').split(/[\s,]+/).filter((entry) => entry !== '')
  if (entries.length === 0) return { sources: [...DEFAULT_FRAME_ANCESTORS] }
  const sources: string[] = []
  for (const entry of entries) {
    const source = entry.replace(/\/+$/, '')
    if (source === '*' || source === "'none'") {
      if (entries.length > 1) return { error: `${source} must stand alone, not in a list` }
      return { sources: [source] }
    }
    if (source === "'self'" || ORIGIN.test(source)) {
      if (!sources.includes(source)) sources.push(source)
      continue
    }
    return {
      error: `"${entry}" is not an origin like https://news.example (scheme and host, no path), 'self', * or 'none'`,
    }
  }
  return { sources }
}
