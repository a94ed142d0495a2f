import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import ClickService from '#services/delivery/click_service'

/** `/c/:token`: the redirect behind every ad, paid box and website link. No session, no cookie. */
@inject()
export default class ClicksController {
  constructor(private clicks: ClickService) {}

  async show({ params, request, response, i18n }: HttpContext) {
    const outcome = await this.clicks.follow(params.token, {
      method: request.method(),
      headers: request.headers(),
      ip: request.ip(),
    })
    if (outcome.status === 'invalid') {
      return response.status(400).send(i18n.t('delivery.invalid_click'))
    }
    response.header('cache-control', 'no-store')
    return response.redirect(outcome.target)
  }
}
