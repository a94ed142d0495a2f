/*
| Embeds for other sites (README, "Embeds"): no session, no Shield, no
| cookie. The documents may be framed by EMBED_FRAME_ANCESTORS (config/embeds.ts).
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { embedFraming } from '#config/embeds'

router.get('/embed.js', [controllers.public.Embeds, 'script']).as('embeds.script')

router
  .group(() => {
    router
      .get('/topics/:slug/vendor-box', [controllers.public.Embeds, 'vendorBox'])
      .as('vendor_box')
    router
      .get('/slots/:id', [controllers.public.Embeds, 'slot'])
      .as('slot')
      .where('id', router.matchers.number())
  })
  .prefix('/embed')
  .as('embeds')
  .use(middleware.contentSecurityPolicy(embedFraming))
