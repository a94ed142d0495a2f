/**
 * Folds German spellings so that "Gießen", "GIESSEN" and "Giessen" meet:
 * lower case, ä→ae, ö→oe, ü→ue, ß→ss, other diacritics dropped (é→e).
 * Both the indexed text and the query go through this function.
 */
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ẞ: 'ss' }

export function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüßẞ]/g, (ch) => GERMAN[ch])
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
}

/**
 * Splits folded text into search terms: runs of letters and digits only,
 * so nothing from user input can reach FTS5 or tsquery syntax.
 */
export function searchTerms(query: string, max = 12): string[] {
  const terms = fold(query).match(/[\p{L}\p{N}]+/gu) ?? []
  return [...new Set(terms)].slice(0, max)
}

/**
 * The text a vendor is found by: name, city, postal code, state,
 * description and topic names, as plain words. Only letter and digit runs
 * are kept, so both databases tokenize it the same way (PostgreSQL's parser
 * would otherwise keep "info@ekom21.de" or "v2.0" as one word).
 */
export function vendorSearchText(
  vendor: {
    name: string
    city: string
    postalCode: string
    state?: string | null
    description?: string | null
  },
  topicNames: string[]
): string {
  return (
    fold(
      [
        vendor.name,
        vendor.postalCode,
        vendor.city,
        vendor.state ?? '',
        topicNames.join(' '),
        vendor.description ?? '',
      ].join(' ')
    )
      .match(/[\p{L}\p{N}]+/gu)
      ?.join(' ') ?? ''
  )
}
