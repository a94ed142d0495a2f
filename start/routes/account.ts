/*
| Routes of the account area. Signed-in areas run the session and Shield (CSRF)
| middleware on their own groups: reader pages set no cookies.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const VendorsController = () => import('#controllers/account/vendors_controller')
const LogosController = () => import('#controllers/account/logos_controller')
const RevisionsController = () => import('#controllers/account/revisions_controller')
const MembersController = () => import('#controllers/account/members_controller')
const InvitationsController = () => import('#controllers/account/invitations_controller')
const ClaimsController = () => import('#controllers/account/claims_controller')
const ApiVendorEditsController = () => import('#controllers/api/v1/vendor_edits_controller')

router
  .group(() => {
    router.get('/vendors', [VendorsController, 'index']).as('vendors.index')
    router.get('/vendors/create', [VendorsController, 'create']).as('vendors.create')
    router.post('/vendors', [VendorsController, 'store']).as('vendors.store')
    router.get('/vendors/:id', [VendorsController, 'show']).as('vendors.show')
    router.get('/vendors/:id/edit', [VendorsController, 'edit']).as('vendors.edit')
    router.put('/vendors/:id', [VendorsController, 'update']).as('vendors.update')
    router.post('/vendors/:id/submit', [VendorsController, 'submit']).as('vendors.submit')

    router.post('/vendors/:id/logo', [LogosController, 'store']).as('vendors.logo.store')
    router.delete('/vendors/:id/logo', [LogosController, 'destroy']).as('vendors.logo.destroy')

    router
      .get('/vendors/:id/revisions/:revisionId', [RevisionsController, 'show'])
      .as('vendors.revisions.show')

    router
      .post('/vendors/:id/invitations', [InvitationsController, 'store'])
      .as('vendors.invitations.store')
    router
      .delete('/vendors/:id/members/:memberId', [MembersController, 'destroy'])
      .as('vendors.members.destroy')

    router.get('/invitations/:token', [InvitationsController, 'show']).as('invitations.show')
    router.post('/invitations/:token', [InvitationsController, 'accept']).as('invitations.accept')

    router.get('/claims/:slug', [ClaimsController, 'create']).as('claims.create')
    router.post('/claims/:slug', [ClaimsController, 'store']).as('claims.store')
  })
  .prefix('/account')
  .as('account')
  .where('id', router.matchers.number())
  .where('revisionId', router.matchers.number())
  .where('memberId', router.matchers.number())
  .use([middleware.session(), middleware.shield(), middleware.auth()])

/** Members edit their vendor through the API with a bearer token: no session, no CSRF. */
router
  .patch('/api/v1/vendors/:slug', [ApiVendorEditsController, 'update'])
  .as('api.v1.vendors.update')
  .use(middleware.auth({ guards: ['api'] }))
