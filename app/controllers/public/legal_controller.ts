import type { HttpContext } from '@adonisjs/core/http'
import { legalHtml, type LegalPage } from '#services/legal_texts'

/** Impressum and Datenschutzerklärung: the operator's texts (LEGAL_DIR). Reader pages: no cookie. */
export default class LegalController {
  async imprint(ctx: HttpContext) {
    return this.render(ctx, 'imprint')
  }

  async privacy(ctx: HttpContext) {
    return this.render(ctx, 'privacy')
  }

  private async render({ view, i18n }: HttpContext, page: LegalPage) {
    const html = await legalHtml(page, i18n.locale)
    return view.render('pages/legal/show', { page, html })
  }
}
