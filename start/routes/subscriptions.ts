/*
| Reader subscriptions ("Aboverwaltung"). No session and no cookie: the
| form carries a signed, stateless token (services/subscriptions/form_token)
| and every personal page is reached by a signed link from a mail, which is
| its only authorization. The POST routes are exempt from Shield's CSRF
| check (config/shield.ts), which runs on reader pages for signed-in users.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router.get('/new', [controllers.public.Subscriptions, 'create']).as('create')
    router.post('/', [controllers.public.Subscriptions, 'store']).as('store')
    router.get('/sent', [controllers.public.Subscriptions, 'sent']).as('sent')
    router.get('/:id/confirm', [controllers.public.SubscriptionLinks, 'confirmation']).as('confirm')
    router
      .post('/:id/confirm', [controllers.public.SubscriptionLinks, 'confirm'])
      .as('confirm.store')
    router
      .get('/:id/unsubscribe', [controllers.public.SubscriptionLinks, 'cancellation'])
      .as('unsubscribe')
    // RFC 8058 one-click: a mail client POSTs here with the signed URL alone.
    router
      .post('/:id/unsubscribe', [controllers.public.SubscriptionLinks, 'cancel'])
      .as('unsubscribe.store')
    router.get('/:id', [controllers.public.SubscriptionLinks, 'edit']).as('manage')
    router.post('/:id', [controllers.public.SubscriptionLinks, 'update']).as('update')
  })
  .prefix('/subscriptions')
  .as('subscriptions')
  .where('id', router.matchers.number())
  .use(middleware.readerSession())
