import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#services/mail/app_url'
import SitemapService from '#services/sitemap_service'

@inject()
export default class SeoController {
  constructor(private sitemaps: SitemapService) {}

  async sitemap({ request, response, view }: HttpContext) {
    const origin = appUrl(request)
    const pages = await this.sitemaps.pageCount()
    const page = Number(request.qs().page ?? 0)
    response.header('content-type', 'application/xml; charset=utf-8')

    if (pages > 1 && !page) {
      const pageNumbers = Array.from({ length: pages }, (_, index) => index + 1)
      return view.render('seo/sitemap_index', { origin, pageNumbers })
    }
    if (page && (!Number.isInteger(page) || page < 1 || page > pages)) {
      return response.notFound('')
    }
    const entries = await this.sitemaps.entries(page || 1)
    return view.render('seo/sitemap', { origin, entries })
  }

  async robots({ request, response }: HttpContext) {
    const origin = appUrl(request)
    response.header('content-type', 'text/plain; charset=utf-8')
    return [
      'User-agent: *',
      'Disallow: /api/',
      'Disallow: /account/',
      'Disallow: /editorial/',
      'Allow: /',
      '',
      `Sitemap: ${urlFor('sitemap', undefined, { prefixUrl: origin })}`,
      '',
    ].join('\n')
  }
}
