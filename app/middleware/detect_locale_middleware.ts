import i18nManager from '@adonisjs/i18n/services/main'
import { I18n } from '@adonisjs/i18n'
import { RequestValidator } from '@adonisjs/core/http'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { localizedUrl, pickLocale, type Locale, type RouteName } from '#services/locale'
import { rendersViews } from '#services/json_api'

/**
 * Picks the language: `?lang=` first, then Accept-Language, then German.
 * No cookie is involved: links keep `?lang=` once it is set. Pages get it
 * shared with their views; the JSON API has no views.
 */
export default class DetectLocaleMiddleware {
  static {
    RequestValidator.messagesProvider = (ctx) => ctx.i18n.createMessagesProvider()
  }

  async handle(ctx: HttpContext, next: NextFn) {
    const { locale, explicit } = pickLocale(ctx.request.qs().lang, ctx.request.languages())

    ctx.i18n = i18nManager.locale(locale)
    ctx.linkLocale = explicit
    ctx.containerResolver.bindValue(I18n, ctx.i18n)

    if (rendersViews(ctx)) {
      const path = ctx.request.url()
      const query = ctx.request.qs()
      ctx.view.share({
        i18n: ctx.i18n,
        locale,
        explicitLocale: explicit,
        href: (name: RouteName, params?: any, qs?: Record<string, unknown>) =>
          localizedUrl(name, params, qs, explicit),
        switchLocaleUrl: (target: string) =>
          `${path}?${new URLSearchParams({ ...query, lang: target }).toString()}`,
      })
    }

    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
    /** The `?lang=` the URL chose, which links carry on (null: none). */
    linkLocale: Locale | null
  }
}
