import i18nManager from '@adonisjs/i18n/services/main'
import { I18n } from '@adonisjs/i18n'
import type { HttpContext } from '@adonisjs/core/http'
import { pickLocale } from '#services/locale'

/**
 * Signed-in users see their pages in their own language (users.locale),
 * unless the URL asks for one with `?lang=`. Runs after authentication;
 * the locale middleware has already picked one from the request.
 */
export function applyUserLocale(ctx: HttpContext) {
  const user = ctx.auth.user
  if (!user || pickLocale(ctx.request.qs().lang, []).explicit) return
  if (ctx.i18n.locale === user.locale) return

  ctx.i18n = i18nManager.locale(user.locale)
  ctx.containerResolver.bindValue(I18n, ctx.i18n)
  if ('view' in ctx) ctx.view.share({ i18n: ctx.i18n, locale: user.locale })
}
