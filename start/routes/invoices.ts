/*
| Invoices: the advertiser's own (account pages and API) and all of them
| for editors, with the accountant's CSV. Issued invoices never change, so
| there is no route that writes one.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { INVOICE_FORMATS } from '#services/invoicing/invoice_files'

const number = /^\d{4}-\d{5}$/
const format = new RegExp(`^(${INVOICE_FORMATS.join('|')})$`)

router
  .group(() => {
    router.get('/', [controllers.account.Invoices, 'index']).as('index')
    router.get('/:number/:format', [controllers.account.Invoices, 'download']).as('download')
  })
  .prefix('/account/invoices')
  .as('account.invoices')
  .where('number', number)
  .where('format', format)
  .use([middleware.session(), middleware.shield(), middleware.auth()])

router
  .group(() => {
    router.get('/', [controllers.editorial.Invoices, 'index']).as('index')
    router.get('/export.csv', [controllers.editorial.Invoices, 'export']).as('export')
    router.get('/:number/:format', [controllers.editorial.Invoices, 'download']).as('download')
  })
  .prefix('/editorial/invoices')
  .as('editorial.invoices')
  .where('number', number)
  .where('format', format)
  .use([middleware.session(), middleware.shield(), middleware.auth(), middleware.editorial()])

router
  .group(() => {
    router.get('/', [controllers.api.v1.Invoices, 'index']).as('index')
    router.get('/:number', [controllers.api.v1.Invoices, 'show']).as('show')
  })
  .prefix('/api/v1/invoices')
  .as('api.v1.invoices')
  .where('number', number)
  .use(middleware.auth({ guards: ['api'] }))
