import i18nManager from '@adonisjs/i18n/services/main'
import { I18n } from '@adonisjs/i18n'
import { RequestValidator } from '@adonisjs/core/http'
import { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { localizedUrl, pickLocale, type Locale, type RouteName } from '#services/locale'

/**
 * Picks the language: `?lang=` first, then Accept-Language, then German.
 * No cookie is involved: links keep `?lang=` once it is set.
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

    // What templates need of the language, handed to the view only when one renders:
    // the view's renderer is made on first use, and JSON answers never make one.
    const path = ctx.request.url()
    const query = ctx.request.qs()
    shareWhenRendering(ctx, {
      i18n: ctx.i18n,
      locale,
      explicitLocale: explicit,
      href: (name: RouteName, params?: any, qs?: Record<string, unknown>) =>
        localizedUrl(name, params, qs, explicit),
      switchLocaleUrl: (target: string) =>
        `${path}?${new URLSearchParams({ ...query, lang: target }).toString()}`,
    })

    return next()
  }
}

/**
 * `ctx.view` (the edge provider's getter, one renderer per request) with
 * `state` shared into it, made the first time the request renders.
 */
function shareWhenRendering(ctx: HttpContext, state: Record<string, unknown>) {
  const renderer = Object.getOwnPropertyDescriptor(HttpContext.prototype, 'view')?.get
  if (!renderer) return
  if (Object.hasOwn(ctx, 'view')) {
    ctx.view.share(state)
    return
  }
  // The provider's getter keeps the renderer on `ctx` in place of this one.
  Object.defineProperty(ctx, 'view', {
    configurable: true,
    get: () => renderer.call(ctx).share(state),
  })
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
    /** The `?lang=` the URL chose, which links carry on (null: none). */
    linkLocale: Locale | null
  }
}
