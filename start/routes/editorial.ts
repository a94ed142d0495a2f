/*
| Routes of the editorial area. Signed-in areas run the session and Shield (CSRF)
| middleware on their own groups: reader pages set no cookies.
|
| The `editorial` middleware authorizes EditorialPolicy.access for both
| groups: members get 403, guests go to the log-in page (401 on the API).
| Topics and users authorize their finer abilities in their actions.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router.get('/', [controllers.editorial.Queue, 'index']).as('queue')

    router.get('/vendors', [controllers.editorial.Vendors, 'index']).as('vendors.index')
    router
      .get('/vendors/export.csv', [controllers.editorial.Vendors, 'export'])
      .as('vendors.export')
    router.get('/vendors/:id', [controllers.editorial.Vendors, 'show']).as('vendors.show')
    router
      .get('/vendors/:id/preview', [controllers.editorial.Previews, 'vendor'])
      .as('vendors.preview')
    router
      .post('/vendors/:id/approve', [controllers.editorial.Vendors, 'approve'])
      .as('vendors.approve')
    router
      .post('/vendors/:id/reject', [controllers.editorial.Vendors, 'reject'])
      .as('vendors.reject')
    router
      .post('/vendors/:id/publish', [controllers.editorial.Vendors, 'publish'])
      .as('vendors.publish')
    router
      .post('/vendors/:id/unpublish', [controllers.editorial.Vendors, 'unpublish'])
      .as('vendors.unpublish')
    router
      .post('/vendors/:id/archive', [controllers.editorial.Vendors, 'archive'])
      .as('vendors.archive')

    router.get('/revisions/:id', [controllers.editorial.Revisions, 'show']).as('revisions.show')
    router
      .get('/revisions/:id/preview', [controllers.editorial.Previews, 'revision'])
      .as('revisions.preview')
    router
      .post('/revisions/:id/approve', [controllers.editorial.Revisions, 'approve'])
      .as('revisions.approve')
    router
      .post('/revisions/:id/reject', [controllers.editorial.Revisions, 'reject'])
      .as('revisions.reject')

    router.get('/claims/:id', [controllers.editorial.Claims, 'show']).as('claims.show')
    router.post('/claims/:id/grant', [controllers.editorial.Claims, 'grant']).as('claims.grant')
    router.post('/claims/:id/refuse', [controllers.editorial.Claims, 'refuse']).as('claims.refuse')

    router.get('/topics', [controllers.editorial.Topics, 'index']).as('topics.index')
    router.post('/topics', [controllers.editorial.Topics, 'store']).as('topics.store')
    router.get('/topics/:id/edit', [controllers.editorial.Topics, 'edit']).as('topics.edit')
    router.post('/topics/:id', [controllers.editorial.Topics, 'update']).as('topics.update')
    router.post('/topics/:id/move', [controllers.editorial.Topics, 'move']).as('topics.move')

    router.get('/users', [controllers.editorial.Users, 'index']).as('users.index')
    router.post('/users/:id/role', [controllers.editorial.Users, 'role']).as('users.role')
    router.post('/users/:id/disable', [controllers.editorial.Users, 'disable']).as('users.disable')
    router.post('/users/:id/enable', [controllers.editorial.Users, 'enable']).as('users.enable')

    router.get('/audit', [controllers.editorial.Audit, 'index']).as('audit')

    router.get('/slots', [controllers.editorial.Slots, 'index']).as('slots.index')
    router.get('/slots/create', [controllers.editorial.Slots, 'create']).as('slots.create')
    router.post('/slots', [controllers.editorial.Slots, 'store']).as('slots.store')
    router.get('/slots/:id/edit', [controllers.editorial.Slots, 'edit']).as('slots.edit')
    router.post('/slots/:id', [controllers.editorial.Slots, 'update']).as('slots.update')
    router
      .post('/slots/:id/activate', [controllers.editorial.Slots, 'activate'])
      .as('slots.activate')
    router
      .post('/slots/:id/deactivate', [controllers.editorial.Slots, 'deactivate'])
      .as('slots.deactivate')
    router.get('/slots/occupancy', [controllers.editorial.Occupancy, 'show']).as('slots.occupancy')
    router
      .get('/slots/occupancy.csv', [controllers.editorial.Occupancy, 'export'])
      .as('slots.occupancy_csv')
  })
  .prefix('/editorial')
  .as('editorial')
  .where('id', router.matchers.number())
  .use([middleware.session(), middleware.shield(), middleware.auth(), middleware.editorial()])

/** The editorial JSON API: bearer tokens, no session, no CSRF. */
router
  .group(() => {
    router.get('/queue', [controllers.api.v1.Editorial, 'queue']).as('queue')
    router
      .post('/revisions/:id/approve', [controllers.api.v1.Editorial, 'approveRevision'])
      .as('revisions.approve')
    router
      .post('/revisions/:id/reject', [controllers.api.v1.Editorial, 'rejectRevision'])
      .as('revisions.reject')
  })
  .prefix('/api/v1/editorial')
  .as('api.v1.editorial')
  .where('id', router.matchers.number())
  .use([middleware.auth({ guards: ['api'] }), middleware.editorial()])
