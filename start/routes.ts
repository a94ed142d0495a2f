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
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import '#start/routes/bookings'
import '#start/routes/news'
import '#start/routes/embeds'
import '#start/routes/subscriptions'

/** Bare route for the benchmark's baseline. */
router.get('/ping', ({ response }) => response.send('pong')).as('ping')

/** Database, counter flush (and a shared store once configured): 200 or 503, JSON, no cookie. */
router.get('/health', [controllers.ops.Health, 'show']).as('health')

/** Reader pages: a session only for requests that already carry its cookie. */
router
  .group(() => {
    router.get('/', [controllers.public.Home, 'index']).as('home')
    router.get('/topics/:slug', [controllers.public.Topics, 'show']).as('topics.show')
    router.get('/vendors/:slug', [controllers.public.Vendors, 'show']).as('vendors.show')
    router.get('/search', [controllers.public.Search, 'index']).as('search')
    router.get('/topics/:slug/news', [controllers.public.News, 'topic']).as('topics.news')
    // The PDF before the page: `/news/:slug` would take "x.pdf" as a slug.
    router.get('/news/:slug.pdf', [controllers.public.News, 'pdf']).as('news.pdf')
    router.get('/news/:slug/print', [controllers.public.News, 'print']).as('news.print')
    router.get('/news/:slug', [controllers.public.News, 'show']).as('news.show')
    router.get('/keywords/:slug', [controllers.public.Keywords, 'show']).as('keywords.show')
  })
  .use(middleware.readerSession())
router.get('/sitemap.xml', [controllers.public.Seo, 'sitemap']).as('sitemap')
router.get('/robots.txt', [controllers.public.Seo, 'robots']).as('robots')
// The uploads disk's public files (logos); the name is the one @adonisjs/drive would give it.
router.get('/uploads/*', [controllers.public.Uploads, 'show']).as('drive.fs.serve')
router.get('/impressum', [controllers.public.Legal, 'imprint']).as('legal.imprint')
router.get('/datenschutz', [controllers.public.Legal, 'privacy']).as('legal.privacy')
// Every ad, paid box and website link: counts once, redirects; no session, no cookie.
router.get('/c/:token', [controllers.public.Clicks, 'show']).as('clicks.show')

router
  .group(() => {
    router.get('/topics', [controllers.api.v1.Topics, 'index']).as('topics.index')
    router.get('/topics/:slug', [controllers.api.v1.Topics, 'show']).as('topics.show')
    // /embed.js reads it from other sites: any origin, no credentials.
    router
      .get('/placements', [controllers.api.v1.Placements, 'show'])
      .as('placements.show')
      .use(middleware.publicCors())
    router.get('/vendors', [controllers.api.v1.Vendors, 'index']).as('vendors.index')
    router.get('/vendors/:slug', [controllers.api.v1.Vendors, 'show']).as('vendors.show')
    router.get('/news', [controllers.api.v1.News, 'index']).as('news.index')
    router.get('/news/:slug', [controllers.api.v1.News, 'show']).as('news.show')
    // 202 whether or not the address is known; the mail goes out after the answer.
    router
      .post('/subscriptions', [controllers.api.v1.Subscriptions, 'store'])
      .as('subscriptions.store')
    router.get('/slots', [controllers.api.v1.Slots, 'index']).as('slots.index')
    router
      .get('/slots/:id/availability', [controllers.api.v1.Slots, 'availability'])
      .as('slots.availability')
      .where('id', router.matchers.number())
  })
  .prefix('/api/v1')
  .as('api.v1')
import '#start/routes/invoices'
