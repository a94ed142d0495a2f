/*
| Routes of the editorial area. Signed-in areas run the session and Shield (CSRF)
| middleware on their own groups: reader pages set no cookies.
|
| The `editorial` middleware authorizes EditorialPolicy.access for both
| groups: members get 403, guests go to the log-in page (401 on the API).
| Topics and users authorize their finer abilities in their actions.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const QueueController = () => import('#controllers/editorial/queue_controller')
const VendorsController = () => import('#controllers/editorial/vendors_controller')
const RevisionsController = () => import('#controllers/editorial/revisions_controller')
const ClaimsController = () => import('#controllers/editorial/claims_controller')
const TopicsController = () => import('#controllers/editorial/topics_controller')
const UsersController = () => import('#controllers/editorial/users_controller')
const AuditController = () => import('#controllers/editorial/audit_controller')
const ApiEditorialController = () => import('#controllers/api/v1/editorial_controller')

router
  .group(() => {
    router.get('/', [QueueController, 'index']).as('queue')

    router.get('/vendors', [VendorsController, 'index']).as('vendors.index')
    router.get('/vendors/export.csv', [VendorsController, 'export']).as('vendors.export')
    router.get('/vendors/:id', [VendorsController, 'show']).as('vendors.show')
    router.post('/vendors/:id/approve', [VendorsController, 'approve']).as('vendors.approve')
    router.post('/vendors/:id/reject', [VendorsController, 'reject']).as('vendors.reject')
    router.post('/vendors/:id/publish', [VendorsController, 'publish']).as('vendors.publish')
    router.post('/vendors/:id/unpublish', [VendorsController, 'unpublish']).as('vendors.unpublish')
    router.post('/vendors/:id/archive', [VendorsController, 'archive']).as('vendors.archive')

    router.get('/revisions/:id', [RevisionsController, 'show']).as('revisions.show')
    router.post('/revisions/:id/approve', [RevisionsController, 'approve']).as('revisions.approve')
    router.post('/revisions/:id/reject', [RevisionsController, 'reject']).as('revisions.reject')

    router.get('/claims/:id', [ClaimsController, 'show']).as('claims.show')
    router.post('/claims/:id/grant', [ClaimsController, 'grant']).as('claims.grant')
    router.post('/claims/:id/refuse', [ClaimsController, 'refuse']).as('claims.refuse')

    router.get('/topics', [TopicsController, 'index']).as('topics.index')
    router.post('/topics', [TopicsController, 'store']).as('topics.store')
    router.get('/topics/:id/edit', [TopicsController, 'edit']).as('topics.edit')
    router.post('/topics/:id', [TopicsController, 'update']).as('topics.update')
    router.post('/topics/:id/move', [TopicsController, 'move']).as('topics.move')

    router.get('/users', [UsersController, 'index']).as('users.index')
    router.post('/users/:id/role', [UsersController, 'role']).as('users.role')
    router.post('/users/:id/disable', [UsersController, 'disable']).as('users.disable')
    router.post('/users/:id/enable', [UsersController, 'enable']).as('users.enable')

    router.get('/audit', [AuditController, 'index']).as('audit')
  })
  .prefix('/editorial')
  .as('editorial')
  .where('id', router.matchers.number())
  .use([middleware.session(), middleware.shield(), middleware.auth(), middleware.editorial()])

/** The editorial JSON API: bearer tokens, no session, no CSRF. */
router
  .group(() => {
    router.get('/queue', [ApiEditorialController, 'queue']).as('queue')
    router
      .post('/revisions/:id/approve', [ApiEditorialController, 'approveRevision'])
      .as('revisions.approve')
    router
      .post('/revisions/:id/reject', [ApiEditorialController, 'rejectRevision'])
      .as('revisions.reject')
  })
  .prefix('/api/v1/editorial')
  .as('api.v1.editorial')
  .where('id', router.matchers.number())
  .use([middleware.auth({ guards: ['api'] }), middleware.editorial()])
