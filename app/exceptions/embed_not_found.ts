import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * An embed that does not exist (unknown topic, unknown or inactive slot,
 * a slot that is no ad slot, a run-of-site slot without `?topic=`): 404
 * with the embeds' own small document, which fits into the parent's frame
 * where the site's error page would not.
 */
export default class EmbedNotFound extends Exception {
  static status = 404
  static code = 'E_EMBED_NOT_FOUND'

  async handle(_error: this, ctx: HttpContext) {
    ctx.response.header('Cache-Control', 'no-store')
    return ctx.response.status(404).send(await ctx.view.render('pages/embeds/not_found'))
  }
}
