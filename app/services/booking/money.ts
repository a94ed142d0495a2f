/** Cents as the reader's money: "1.234,56 €" in German, "€1,234.56" in English. */
export function formatCents(cents: number, locale: string = 'de') {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100)
}
