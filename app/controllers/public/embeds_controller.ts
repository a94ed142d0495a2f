import { readFile } from 'node:fs/promises'
import { inject } from '@adonisjs/core'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import EmbedService from '#services/embeds/embed_service'
import { embedsConfig } from '#config/embeds'

/**
 * The embeds for other sites: small documents for an <iframe> and the
 * script behind `<div data-vendor-box>`. No session, no cookie; the
 * routes allow the configured parents to frame them (start/routes/embeds.ts).
 */
@inject()
export default class EmbedsController {
  constructor(private embeds: EmbedService) {}

  /** GET /embed/topics/:slug/vendor-box */
  async vendorBox({ params, request, response, view }: HttpContext) {
    const { topic, vendors } = await this.embeds.vendorBox(params.slug, request.request)
    // Every load is a view that counts: no cache may answer in our place.
    response.header('Cache-Control', 'no-store')
    return view.render('pages/embeds/vendor_box', { topic, vendors })
  }

  /** GET /embed/slots/:id (?topic= for a run-of-site slot) */
  async slot({ params, request, response, view }: HttpContext) {
    const { topic, ad } = await this.embeds.slot(
      Number(params.id),
      request.qs().topic,
      request.request
    )
    response.header('Cache-Control', 'no-store')
    return view.render('pages/embeds/slot', { topic, ad })
  }

  /** GET /embed.js: the same file for every site, cached for an hour. */
  async script({ response }: HttpContext) {
    response.header('Content-Type', 'text/javascript; charset=utf-8')
    response.header('Cache-Control', `public, max-age=${embedsConfig.scriptMaxAge}`)
    return response.send(await embedScript())
  }
}

let script: Promise<string> | null = null

/** resources/embed/embed.js, read once per process. */
function embedScript(): Promise<string> {
  script ??= readFile(app.makePath('resources/embed/embed.js'), 'utf8')
  return script
}
