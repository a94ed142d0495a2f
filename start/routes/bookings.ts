/*
| Routes of advertising: the public rate card and quote (no cookies), the
| advertiser's billing details and bookings, the editors' decisions, and
| the bookings API (bearer tokens, no session, no CSRF).
|
| The multipart upload routes (image ads): account.bookings.store and
| api.v1.bookings.store.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router.get('/bookings', [controllers.api.v1.Bookings, 'index']).as('index')
    router.post('/bookings', [controllers.api.v1.Bookings, 'store']).as('store')
    router.get('/bookings/:id', [controllers.api.v1.Bookings, 'show']).as('show')
    router.delete('/bookings/:id', [controllers.api.v1.Bookings, 'destroy']).as('destroy')
    router.get('/bookings/:id/stats', [controllers.api.v1.BookingStats, 'show']).as('stats')
  })
  .prefix('/api/v1')
  .as('api.v1.bookings')
  .where('id', router.matchers.number())
  .use(middleware.auth({ guards: ['api'] }))

router
  .group(() => {
    router
      .post('/bookings/:id/approve', [controllers.api.v1.editorial.Bookings, 'approve'])
      .as('approve')
    router
      .post('/bookings/:id/reject', [controllers.api.v1.editorial.Bookings, 'reject'])
      .as('reject')
  })
  .prefix('/api/v1/editorial')
  .as('api.v1.editorial.bookings')
  .where('id', router.matchers.number())
  .use([middleware.auth({ guards: ['api'] }), middleware.editorial()])

router.get('/advertise', [controllers.public.Advertise, 'index']).as('advertise')
router.get('/advertise/quote', [controllers.public.Advertise, 'quote']).as('advertise.quote')

router
  .group(() => {
    router.get('/billing', [controllers.account.Billing, 'edit']).as('billing.edit')
    router.post('/billing', [controllers.account.Billing, 'update']).as('billing.update')

    router.get('/bookings', [controllers.account.Bookings, 'index']).as('bookings.index')
    router.get('/bookings/create', [controllers.account.Bookings, 'create']).as('bookings.create')
    router.post('/bookings', [controllers.account.Bookings, 'store']).as('bookings.store')
    router.get('/bookings/:id', [controllers.account.Bookings, 'show']).as('bookings.show')
    router
      .post('/bookings/:id/cancel', [controllers.account.Bookings, 'cancel'])
      .as('bookings.cancel')
    router
      .get('/bookings/:id/confirmation.pdf', [controllers.account.Bookings, 'confirmation'])
      .as('bookings.confirmation')
    router
      .get('/bookings/:id/stats.csv', [controllers.account.BookingStats, 'csv'])
      .as('bookings.stats_csv')
  })
  .prefix('/account')
  .as('account')
  .where('id', router.matchers.number())
  .use([middleware.session(), middleware.shield(), middleware.auth()])

router
  .group(() => {
    router.get('/bookings/:id', [controllers.editorial.Bookings, 'show']).as('bookings.show')
    router
      .post('/bookings/:id/approve', [controllers.editorial.Bookings, 'approve'])
      .as('bookings.approve')
    router
      .post('/bookings/:id/reject', [controllers.editorial.Bookings, 'reject'])
      .as('bookings.reject')
    router
      .post('/bookings/:id/cancel', [controllers.editorial.Bookings, 'cancel'])
      .as('bookings.cancel')
  })
  .prefix('/editorial')
  .as('editorial')
  .where('id', router.matchers.number())
  .use([middleware.session(), middleware.shield(), middleware.auth(), middleware.editorial()])
