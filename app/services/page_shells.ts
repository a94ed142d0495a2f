import { randomUUID } from 'node:crypto'
import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { DirectoryCache } from '#services/directory_cache'

/**
 * A rendered page with a hole where the part that varies per view goes.
 * Its two halves are kept encoded: writing a 16 KB string to the socket
 * costs about as much again as the rest of a view, a buffer almost nothing.
 */
type Shell = { status: number; before: Buffer; after: Buffer }

/** Pages kept per process (about 15 KB each) until the directory changes. */
const MAX_SHELLS = 2_000

/** Whole pages kept per process (search results, about 12 KB each): readers choose their URLs. */
const MAX_PAGES = 1_000

type RenderedPage = { status: number; html: string }

/** A page as it goes out: its status and its UTF-8 bytes. */
type PageBytes = { status: number; body: Buffer }

/**
 * The key a reader page is kept under: its kind, the language and the URL.
 * Null (rendered for this request only) for a signed-in reader, whose
 * header is their own (reader_session_middleware), or when the page says
 * it is not `shareable` (form errors on a topic page).
 */
export function readerPageKey(ctx: HttpContext, kind: string, shareable = true): string | null {
  if (!shareable || ctx.auth.user) return null
  return `${kind}:${ctx.i18n.locale}:${ctx.request.url(true)}`
}

/** Sends a page's bytes as HTML, with its status. */
export function sendPage(ctx: HttpContext, { status, body }: PageBytes): Buffer {
  ctx.response.status(status).header('content-type', 'text/html; charset=utf-8')
  return body
}

/**
 * Reader pages that are the same for every anonymous reader but for one
 * part (the topic page: everything but its placement). The page is
 * rendered once with a mark where the part goes, kept in the directory
 * cache (cleared on every vendor, topic, news, booking or slot change), and
 * each view renders only the part and fills the hole. Pages with no such
 * part (search results) are kept whole.
 */
@inject()
export default class PageShells {
  /** A comment no rendered text can contain: every value in a view is escaped. */
  readonly #mark = `<!--part:${randomUUID()}-->`

  constructor(private cache: DirectoryCache) {}

  /**
   * `page(hole)` renders the whole page with `hole` where the part goes and
   * says its status; `key` names what the page depends on (the URL, the
   * language), or is null for a page that must not be shared (a signed-in
   * reader's, one with form errors). `part()` renders this view's part.
   * The page comes back as UTF-8 bytes.
   */
  async render(
    key: string | null,
    page: (hole: string) => Promise<RenderedPage>,
    part: () => Promise<string>
  ): Promise<PageBytes> {
    const shell = key
      ? await this.cache.rememberWithin('page-shells', key, MAX_SHELLS, () => this.#shell(page))
      : await this.#shell(page)
    const body = Buffer.concat([shell.before, Buffer.from(await part()), shell.after])
    return { status: shell.status, body }
  }

  /**
   * A page with no part that varies: rendered once per `key` (the URL and
   * the language; null: never shared), kept as bytes like the shells.
   */
  async page(key: string | null, page: () => Promise<RenderedPage>): Promise<PageBytes> {
    const render = async () => {
      const { status, html } = await page()
      return { status, body: Buffer.from(html) }
    }
    return key ? this.cache.rememberWithin('pages', key, MAX_PAGES, render) : render()
  }

  async #shell(page: (hole: string) => Promise<RenderedPage>): Promise<Shell> {
    const { status, html } = await page(this.#mark)
    const at = html.indexOf(this.#mark)
    if (at < 0) throw new Error('The page did not render the hole for its part')
    return {
      status,
      before: Buffer.from(html.slice(0, at)),
      after: Buffer.from(html.slice(at + this.#mark.length)),
    }
  }
}
