import { randomUUID } from 'node:crypto'
import { inject } from '@adonisjs/core'
import type Topic from '#models/topic'
import { DirectoryCache } from '#services/directory_cache'
import type { Locale } from '#services/locale'
import type { Placement, PlacedAd, PlacedVendor } from '#services/placement/placement_service'

/** What renders a template for the request (ctx.view). */
type Renderer = { render(template: string, state?: Record<string, unknown>): Promise<string> }

/** The language a piece is rendered in, and the `?lang=` its links carry on. */
export type MarkupVariant = { locale: Locale; linkLocale: Locale | null }

/** Rendered pieces kept per process (a box place is about 300 bytes): every place of a big topic. */
const MAX_PIECES = 100_000

/** A piece with a click link: rendered again when the link changes (once a second). */
type LinkedPiece = { url: string; html: string }

type Pieces = {
  plain: Map<string, Promise<string>>
  linked: Map<string, LinkedPiece>
}

/**
 * The topic page's placement part (vendor box and ad slot) as HTML, put
 * together per view from pieces rendered once: the box's frame per topic
 * and language, each unpaid place per vendor, and each paid place and ad
 * per click link (the link is signed once a second). The markup is the
 * templates' own (components/vendor/box, box_item and ad/slot), rendered
 * with `{{ }}`, so every value in it is escaped; pieces are kept in the
 * directory cache and go with every directory or booking change.
 */
@inject()
export default class PlacementMarkup {
  /** A comment no rendered text can contain: every value in a view is escaped. */
  readonly #mark = `<!--places:${randomUUID()}-->`

  constructor(private cache: DirectoryCache) {}

  async render(
    view: Renderer,
    variant: MarkupVariant,
    topic: Topic,
    placement: Placement
  ): Promise<string> {
    const pieces = await this.cache.remember<Pieces>('placement:markup', async () => ({
      plain: new Map(),
      linked: new Map(),
    }))
    const scope = `${variant.locale}|${variant.linkLocale ?? ''}|${topic.id}`
    const [box, ad] = await Promise.all([
      this.#box(view, pieces, scope, topic, placement.vendors),
      this.#ad(view, pieces, scope, topic, placement.ad),
    ])
    return box + ad
  }

  async #box(
    view: Renderer,
    pieces: Pieces,
    scope: string,
    topic: Topic,
    vendors: PlacedVendor[]
  ): Promise<string> {
    if (vendors.length === 0) {
      return this.#plain(pieces, `box-empty|${scope}`, () =>
        view.render('components/vendor/box', { topic, vendors })
      )
    }
    const frame = await this.#plain(pieces, `box|${scope}`, () =>
      view.render('components/vendor/box', { topic, vendors, itemsHtml: this.#mark })
    )
    const at = frame.indexOf(this.#mark)
    const items = await Promise.all(
      vendors.map((vendor) => {
        const render = () => view.render('components/vendor/box_item', { topic, vendor })
        return vendor.clickUrl === null
          ? this.#plain(pieces, `place|${scope}|${vendor.id}`, render)
          : this.#linked(pieces, `paid|${scope}|${vendor.id}`, vendor.clickUrl, render)
      })
    )
    return frame.slice(0, at) + items.join('') + frame.slice(at + this.#mark.length)
  }

  #ad(view: Renderer, pieces: Pieces, scope: string, topic: Topic, ad: PlacedAd | null) {
    const render = () => view.render('components/ad/slot', { topic, ad })
    return ad === null
      ? this.#plain(pieces, `house|${scope}`, render)
      : this.#linked(pieces, `ad|${scope}|${ad.bookingId}`, ad.clickUrl, render)
  }

  #plain(pieces: Pieces, key: string, render: () => Promise<string>): Promise<string> {
    const known = pieces.plain.get(key)
    if (known) return known
    const html = render()
    if (pieces.plain.size >= MAX_PIECES) pieces.plain.delete(pieces.plain.keys().next().value!)
    pieces.plain.set(key, html)
    html.catch(() => pieces.plain.delete(key))
    return html
  }

  async #linked(pieces: Pieces, key: string, url: string, render: () => Promise<string>) {
    const known = pieces.linked.get(key)
    if (known?.url === url) return known.html
    const html = await render()
    pieces.linked.set(key, { url, html })
    return html
  }
}
