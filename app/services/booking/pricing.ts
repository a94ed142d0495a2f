/** VAT on advertising in Germany: 19 % of the net total. */
export const VAT_PERCENT = 19

export type Price = { netCents: number; vatCents: number; grossCents: number }

/** VAT of a net amount in cents, rounded half up to the cent. */
export function vatOf(netCents: number): number {
  return Math.floor((netCents * VAT_PERCENT + 50) / 100)
}

/** A net amount with its VAT and gross. */
export function priceOf(netCents: number): Price {
  const vatCents = vatOf(netCents)
  return { netCents, vatCents, grossCents: netCents + vatCents }
}

/** One share for `weeks` weeks at `priceCents` per share and week. */
export function quote(priceCents: number, weeks: number): Price {
  return priceOf(priceCents * weeks)
}
