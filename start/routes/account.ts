/*
| Routes of the account area. Signed-in areas run the session and Shield (CSRF)
| middleware on their own groups: reader pages set no cookies.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router.get('/vendors', [controllers.account.Vendors, 'index']).as('vendors.index')
    router.get('/vendors/create', [controllers.account.Vendors, 'create']).as('vendors.create')
    router.post('/vendors', [controllers.account.Vendors, 'store']).as('vendors.store')
    router.get('/vendors/:id', [controllers.account.Vendors, 'show']).as('vendors.show')
    router.get('/vendors/:id/edit', [controllers.account.Vendors, 'edit']).as('vendors.edit')
    router.put('/vendors/:id', [controllers.account.Vendors, 'update']).as('vendors.update')
    router.post('/vendors/:id/submit', [controllers.account.Vendors, 'submit']).as('vendors.submit')
    router.get('/vendors/:id/preview', [controllers.account.Previews, 'show']).as('vendors.preview')
    router.get('/vendors/:id/stats', [controllers.account.VendorStats, 'show']).as('vendors.stats')

    router.post('/vendors/:id/logo', [controllers.account.Logos, 'store']).as('vendors.logo.store')
    router
      .delete('/vendors/:id/logo', [controllers.account.Logos, 'destroy'])
      .as('vendors.logo.destroy')

    router
      .get('/vendors/:id/revisions/:revisionId', [controllers.account.Revisions, 'show'])
      .as('vendors.revisions.show')

    router
      .post('/vendors/:id/invitations', [controllers.account.Invitations, 'store'])
      .as('vendors.invitations.store')
    router
      .delete('/vendors/:id/members/:memberId', [controllers.account.Members, 'destroy'])
      .as('vendors.members.destroy')

    router
      .get('/invitations/:token', [controllers.account.Invitations, 'show'])
      .as('invitations.show')
    router
      .post('/invitations/:token', [controllers.account.Invitations, 'accept'])
      .as('invitations.accept')

    router.get('/claims/:slug', [controllers.account.Claims, 'create']).as('claims.create')
    router.post('/claims/:slug', [controllers.account.Claims, 'store']).as('claims.store')
  })
  .prefix('/account')
  .as('account')
  .where('id', router.matchers.number())
  .where('revisionId', router.matchers.number())
  .where('memberId', router.matchers.number())
  .use([middleware.session(), middleware.shield(), middleware.auth()])

/** Members edit their vendor through the API with a bearer token: no session, no CSRF. */
router
  .patch('/api/v1/vendors/:slug', [controllers.api.v1.VendorEdits, 'update'])
  .as('api.v1.vendors.update')
  .use(middleware.auth({ guards: ['api'] }))
