import { randomUUID } from 'node:crypto'
import type Topic from '#models/topic'
import type { Locale } from '#services/locale'
import type { Placement, PlacedAd, PlacedVendor } from '#services/placement/placement_service'

/** What renders a template for the request (ctx.view). */
type Renderer = { render(template: string, state?: Record<string, unknown>): Promise<string> }

/** The language a piece is rendered in, and the `?lang=` its links carry on. */
export type MarkupVariant = { locale: Locale; linkLocale: Locale | null }

/** Rendered pieces kept per process (a box place is about 300 bytes): every place of a big topic. */
const MAX_PIECES = 100_000

/** A comment no rendered text can contain: every value in a view is escaped. */
const MARK = `<!--places:${randomUUID()}-->`

/**
 * Pieces by everything they show: the language, the topic's name and slug,
 * the place's or ad's own fields and its link. A piece is therefore right
 * for as long as it is kept, whatever changes, and needs no clearing.
 */
const pieces = new Map<string, Promise<string>>()

/** Pieces with a link signed once a second (paid places, ads), by all else they show. */
const linkedPieces = new Map<string, { url: string; html: Promise<string> }>()
const MAX_LINKED_PIECES = 1_000

/**
 * The topic page's placement part (vendor box and ad slot) as HTML, put
 * together per view from pieces rendered once: the box's frame, each box
 * place and the ad. The markup is the templates' own (components/vendor/box,
 * box_item and ad/slot), rendered with `{{ }}`, so every value in it is
 * escaped. A paid place's or an ad's link is signed once a second, so those
 * pieces are rendered again each second; the others live on across the
 * directory cache's clears, which would otherwise cost a big topic
 * thousands of renderings each time.
 */
export async function placementMarkup(
  view: Renderer,
  variant: MarkupVariant,
  topic: Topic,
  placement: Placement
): Promise<string> {
  // JSON keys: no name or city can make two different pieces' keys equal.
  const scope = JSON.stringify([variant.locale, variant.linkLocale, topic.slug, topic.name])
  const [box, ad] = await Promise.all([
    boxMarkup(view, scope, topic, placement.vendors),
    adMarkup(view, scope, topic, placement.ad),
  ])
  return box + ad
}

async function boxMarkup(view: Renderer, scope: string, topic: Topic, vendors: PlacedVendor[]) {
  if (vendors.length === 0) {
    return piece(JSON.stringify(['box-empty', scope]), () =>
      view.render('components/vendor/box', { topic, vendors })
    )
  }
  const frame = await piece(JSON.stringify(['box', scope]), () =>
    view.render('components/vendor/box', { topic, vendors, itemsHtml: MARK })
  )
  const items = await Promise.all(
    vendors.map((vendor) => {
      const key = JSON.stringify([scope, vendor.slug, vendor.name, vendor.postalCode, vendor.city])
      const render = () => view.render('components/vendor/box_item', { topic, vendor })
      return vendor.clickUrl === null
        ? piece(key, render)
        : linkedPiece(key, vendor.clickUrl, render)
    })
  )
  const at = frame.indexOf(MARK)
  return frame.slice(0, at) + items.join('') + frame.slice(at + MARK.length)
}

function adMarkup(view: Renderer, scope: string, topic: Topic, ad: PlacedAd | null) {
  const render = () => view.render('components/ad/slot', { topic, ad })
  if (ad === null) return piece(JSON.stringify(['house', scope]), render)
  const shown = [ad.bookingId, ad.kind, ad.headline, ad.body, ad.imageUrl, ad.alt]
  return linkedPiece(JSON.stringify(['ad', scope, ...shown]), ad.clickUrl, render)
}

function piece(key: string, render: () => Promise<string>): Promise<string> {
  const known = pieces.get(key)
  if (known) return known
  return keep(pieces, MAX_PIECES, key, render(), (html) => html)
}

/** A piece with a link: rendered again when the link changes. */
function linkedPiece(key: string, url: string, render: () => Promise<string>): Promise<string> {
  const known = linkedPieces.get(key)
  if (known?.url === url) return known.html
  return keep(linkedPieces, MAX_LINKED_PIECES, key, render(), (html) => ({ url, html }))
}

/** Keeps a rendering under `key`, the oldest entry making room; a failed one is forgotten. */
function keep<T>(
  map: Map<string, T>,
  max: number,
  key: string,
  html: Promise<string>,
  entry: (html: Promise<string>) => T
): Promise<string> {
  if (!map.has(key) && map.size >= max) map.delete(map.keys().next().value!)
  map.set(key, entry(html))
  html.catch(() => map.delete(key))
  return html
}
