import { IncomingMessage } from 'node:http'
import { Socket } from 'node:net'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import i18nManager from '@adonisjs/i18n/services/main'
import mail from '@adonisjs/mail/services/main'
import DomainError, { REFUSALS } from '#exceptions/domain_error'
import HttpExceptionHandler from '#exceptions/handler'
import DetectLocaleMiddleware from '#middleware/detect_locale_middleware'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { ownedVendor } from '#tests/helpers/vendor_accounts'
import { pendingRevision } from './editorial/fixtures.js'

const DECIDED = {
  de: 'Darüber wurde bereits entschieden.',
  en: 'This has been decided already.',
} as const

const ALREADY_MEMBER = {
  de: 'Diese Person gehört schon zu diesem Anbieter.',
  en: 'This person already belongs to this vendor.',
} as const

test.group('Domain errors', () => {
  test('every refusal has its message in German and English', ({ assert }) => {
    for (const locale of ['de', 'en']) {
      const missing = Object.keys(REFUSALS).filter(
        (key) => !i18nManager.locale(locale).hasMessage(key)
      )
      assert.deepEqual(missing, [], locale)
    }
  })
})

test.group('Domain errors / pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => mail.restore())

  test('a refusal is the page alert, in the user language, and the form goes back ({$self})')
    .with(['de', 'en'] as const)
    .run(async ({ client, assert }, locale) => {
      mail.fake()
      const editor = await createUser({ role: 'editor', locale })
      const vendor = await createVendor({ name: 'Schon Entschieden GmbH' })

      const response = await client
        .post(urlFor('editorial.vendors.approve', { id: vendor.id }))
        .header('referer', urlFor('editorial.vendors.show', { id: vendor.id }))
        .loginAs(editor)
        .withCsrfToken()
        .redirects(0)

      response.assertStatus(302)
      response.assertHeader('location', urlFor('editorial.vendors.show', { id: vendor.id }))
      response.assertFlashMessage('alert', DECIDED[locale])
      assert.isUndefined(response.flashMessage('inputErrorsBag'))
      await vendor.refresh()
      assert.equal(vendor.status, 'published')
    })

  test('a refusal of one field is flashed by that field, with the input kept ({$self})')
    .with(['de', 'en'] as const)
    .run(async ({ client, assert }, locale) => {
      const { mails } = mail.fake()
      const owner = await createUser({ locale })
      const { vendor } = await ownedVendor({ owner })

      const response = await client
        .post(urlFor('account.vendors.invitations.store', { id: vendor.id }))
        .header('referer', urlFor('account.vendors.show', { id: vendor.id }))
        .form({ email: owner.email, role: 'owner' })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)

      response.assertStatus(302)
      response.assertHeader('location', urlFor('account.vendors.show', { id: vendor.id }))
      response.assertFlashMessage('inputErrorsBag', { email: [ALREADY_MEMBER[locale]] })
      // The form shows what was typed (old()).
      assert.deepInclude(response.flashMessages(), { email: owner.email, role: 'owner' })
      assert.isUndefined(response.flashMessage('alert'))
      assert.lengthOf(mails.sent(), 0)
    })
})

test.group('Domain errors / API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => mail.restore())

  test('a refusal answers with its status and one error, in the user language ({$self})')
    .with(['de', 'en'] as const)
    .run(async ({ client }, locale) => {
      mail.fake()
      const editor = await createUser({ role: 'editor', locale })
      const revision = await pendingRevision(await createVendor(), null, { name: 'Neu GmbH' })
      revision.status = 'approved'
      await revision.save()

      const response = await client
        .post(urlFor('api.v1.editorial.revisions.approve', { id: revision.id }))
        .withGuard('api')
        .loginAs(editor)

      response.assertStatus(409)
      response.assertBody({ errors: [{ field: null, message: DECIDED[locale] }] })
    })

  test('a refusal of one field names it, in the reader language ({0})')
    .with([
      [
        'de',
        'SVG-Dateien nehmen wir aus Sicherheitsgründen nicht an. Bitte laden Sie das Logo als PNG, JPEG oder WebP hoch.',
      ],
      [
        'en',
        'For security reasons we do not accept SVG files. Please upload the logo as PNG, JPEG or WebP.',
      ],
    ] as const)
    .run(async ({ assert }, [language, message]) => {
      // No API action refuses a field yet; the handler renders one for /api directly.
      const req = new IncomingMessage(new Socket())
      req.url = urlFor('api.v1.vendors.update', { slug: 'beispiel' })
      req.method = 'PATCH'
      req.headers['accept-language'] = language
      const ctx = await testUtils.createHttpContext({ req })
      await new DetectLocaleMiddleware().handle(ctx, async () => {})

      await new HttpExceptionHandler().handle(
        new DomainError('vendor_account.logo.errors.svg'),
        ctx
      )

      assert.equal(ctx.response.getStatus(), 422)
      assert.deepEqual(ctx.response.getBody(), { errors: [{ field: 'logo', message }] })
    })
})
