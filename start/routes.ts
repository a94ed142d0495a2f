/*
|--------------------------------------------------------------------------
| Routes
|--------------------------------------------------------------------------
|
| Reader routes and the read-only API set no cookies: no session, no CSRF
| middleware on them (docs/decisions.md). Signed-in groups add
| `middleware.session()` and `middleware.shield()` themselves.
*/
import router from '@adonisjs/core/services/router'

const HomeController = () => import('#controllers/public/home_controller')
const TopicsController = () => import('#controllers/public/topics_controller')
const VendorsController = () => import('#controllers/public/vendors_controller')
const SearchController = () => import('#controllers/public/search_controller')
const SeoController = () => import('#controllers/public/seo_controller')
const ApiTopicsController = () => import('#controllers/api/v1/topics_controller')
const ApiVendorsController = () => import('#controllers/api/v1/vendors_controller')

/** Bare route for the benchmark's baseline. */
router.get('/ping', ({ response }) => response.send('pong')).as('ping')

router.get('/', [HomeController, 'index']).as('home')
router.get('/topics/:slug', [TopicsController, 'show']).as('topics.show')
router.get('/vendors/:slug', [VendorsController, 'show']).as('vendors.show')
router.get('/search', [SearchController, 'index']).as('search')
router.get('/sitemap.xml', [SeoController, 'sitemap']).as('sitemap')
router.get('/robots.txt', [SeoController, 'robots']).as('robots')
router.on('/advertise').render('pages/advertise/index').as('advertise')

router
  .group(() => {
    router.get('/topics', [ApiTopicsController, 'index']).as('topics.index')
    router.get('/topics/:slug', [ApiTopicsController, 'show']).as('topics.show')
    router.get('/vendors', [ApiVendorsController, 'index']).as('vendors.index')
    router.get('/vendors/:slug', [ApiVendorsController, 'show']).as('vendors.show')
  })
  .prefix('/api/v1')
  .as('api.v1')
