/*
| Writing news: the editors' news desk (/editorial/news) and the members'
| press releases (/account/vendors/:id/news). Reader pages and the read API
| of news are in start/routes.ts (no cookies).
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router.get('/news', [controllers.editorial.News, 'index']).as('index')
    router.get('/news/create', [controllers.editorial.News, 'create']).as('create')
    router.post('/news', [controllers.editorial.News, 'store']).as('store')
    router.get('/news/:id/edit', [controllers.editorial.News, 'edit']).as('edit')
    router.post('/news/:id', [controllers.editorial.News, 'update']).as('update')
    router.post('/news/:id/publish', [controllers.editorial.News, 'publish']).as('publish')
    router.post('/news/:id/unpublish', [controllers.editorial.News, 'unpublish']).as('unpublish')
    router.post('/news/:id/reject', [controllers.editorial.News, 'reject']).as('reject')
    router
      .post('/vendors/:id/keywords', [controllers.editorial.VendorKeywords, 'update'])
      .as('vendor_keywords')
  })
  .prefix('/editorial')
  .as('editorial.news')
  .where('id', router.matchers.number())
  .use([middleware.session(), middleware.shield(), middleware.auth(), middleware.editorial()])

router
  .group(() => {
    router.get('/vendors/:id/news/new', [controllers.account.PressReleases, 'create']).as('create')
    router.post('/vendors/:id/news', [controllers.account.PressReleases, 'store']).as('store')
  })
  .prefix('/account')
  .as('account.press_releases')
  .where('id', router.matchers.number())
  .use([middleware.session(), middleware.shield(), middleware.auth()])
