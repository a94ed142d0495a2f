import { test } from '@japa/runner'
import sharp from 'sharp'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import drive from '@adonisjs/drive/services/main'
import Vendor from '#models/vendor'
import VendorRevision from '#models/vendor_revision'
import { MAX_LOGO_BYTES } from '#services/vendors/logo_service'
import { logoUrl } from '#services/vendors/logo_url'
import { ownedVendor } from '#tests/helpers/vendor_accounts'

function png(width: number, height: number) {
  return sharp({ create: { width, height, channels: 4, background: '#0b4f8a' } })
    .png()
    .toBuffer()
}

let disk: ReturnType<typeof drive.fake>

test.group('Account / logo upload', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    disk = drive.fake()
    return () => drive.restore()
  })

  test('a draft gets its logo at once, scaled to 400 px, stored through drive', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })

    const response = await client
      .post(urlFor('account.vendors.logo.store', { id: vendor.id }))
      .file('logo', await png(1000, 500), { filename: 'firma.png', contentType: 'image/png' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('account.vendors.show', { id: vendor.id }))
    response.assertFlashMessage('notice', 'Das Logo ist gespeichert.')
    await vendor.refresh()
    assert.match(vendor.logoPath!, new RegExp(`^logos/${vendor.id}-[0-9a-f]{16}\\.png$`))
    const stored = await drive.use().getBytes(vendor.logoPath!)
    const metadata = await sharp(Buffer.from(stored)).metadata()
    assert.deepEqual([metadata.format, metadata.width, metadata.height], ['png', 400, 200])

    const show = await client.get(urlFor('account.vendors.show', { id: vendor.id })).loginAs(owner)
    show.assertTextIncludes(`src="${logoUrl(vendor.logoPath)}"`)

    // A second upload replaces the file; the old one is gone.
    const old = vendor.logoPath!
    await client
      .post(urlFor('account.vendors.logo.store', { id: vendor.id }))
      .file('logo', await png(50, 50), { filename: 'neu.png', contentType: 'image/png' })
      .withCsrfToken()
      .loginAs(owner)
    await vendor.refresh()
    assert.notEqual(vendor.logoPath, old)
    disk.assertMissing(old)
    disk.assertExists(vendor.logoPath!)
  })

  test('refused with its own message: {0}')
    .with([
      [
        'an SVG',
        () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
        'logo.svg',
        'image/svg+xml',
        'SVG-Dateien nehmen wir aus Sicherheitsgründen nicht an. Bitte laden Sie das Logo als PNG, JPEG oder WebP hoch.',
      ],
      [
        'a text file renamed .png',
        () => Buffer.from('Dies ist kein Bild.'),
        'logo.png',
        'image/png',
        'Der Inhalt der Datei passt nicht zu ihrem Dateityp. Bitte laden Sie ein echtes PNG-, JPEG- oder WebP-Bild hoch.',
      ],
      [
        'a JPEG named .png',
        () =>
          sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
            .jpeg()
            .toBuffer(),
        'logo.png',
        'image/png',
        'Der Inhalt der Datei passt nicht zu ihrem Dateityp. Bitte laden Sie ein echtes PNG-, JPEG- oder WebP-Bild hoch.',
      ],
      [
        'a GIF',
        () =>
          sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
            .gif()
            .toBuffer(),
        'logo.gif',
        'image/gif',
        'Bitte laden Sie ein Bild im Format PNG, JPEG oder WebP hoch.',
      ],
      [
        'a file over 2 MB',
        () => Buffer.alloc(MAX_LOGO_BYTES + 10, 1),
        'logo.png',
        'image/png',
        'Das Logo ist größer als 2 MB. Bitte laden Sie eine kleinere Datei hoch.',
      ],
    ] as const)
    .run(async ({ client, assert }, [, content, filename, contentType, message]) => {
      const { vendor, owner } = await ownedVendor({ status: 'draft' })

      const response = await client
        .post(urlFor('account.vendors.logo.store', { id: vendor.id }))
        .header('referer', urlFor('account.vendors.show', { id: vendor.id }))
        .file('logo', await content(), { filename, contentType })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)

      response.assertStatus(302)
      response.assertHeader('location', urlFor('account.vendors.show', { id: vendor.id }))
      response.assertFlashMessage('inputErrorsBag', { logo: [message] })
      await vendor.refresh()
      assert.isNull(vendor.logoPath)
    })

  test('the message is shown by the file field, in English for English users', async ({
    client,
  }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })
    owner.locale = 'en'
    await owner.save()

    // The redirect lands on the page, which shows the flashed error by the field.
    const page = await client
      .post(urlFor('account.vendors.logo.store', { id: vendor.id }))
      .header('referer', urlFor('account.vendors.show', { id: vendor.id }))
      .file('logo', Buffer.from('<svg></svg>'), { filename: 'x.svg', contentType: 'image/svg+xml' })
      .withCsrfToken()
      .loginAs(owner)

    page.assertStatus(200)
    page.assertTextIncludes(
      '<p class="field-error" id="field-logo-error">For security reasons we do not accept SVG files. Please upload the logo as PNG, JPEG or WebP.</p>'
    )
    page.assertTextIncludes('aria-invalid="true"')
  })

  test('a published vendor keeps its public logo; the new one waits in a revision', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({ attributes: { logoPath: 'logos/public.png' } })
    await drive.use().put('logos/public.png', await png(10, 10))

    const response = await client
      .post(urlFor('account.vendors.logo.store', { id: vendor.id }))
      .file('logo', await png(20, 20), { filename: 'neu.png', contentType: 'image/png' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)

    response.assertFlashMessage(
      'notice',
      'Das neue Logo wird von der Redaktion geprüft. Bis dahin bleibt das bisherige öffentlich.'
    )
    const row = await Vendor.findOrFail(vendor.id)
    assert.equal(row.logoPath, 'logos/public.png')
    disk.assertExists('logos/public.png')
    const revision = await VendorRevision.query().where('vendor_id', vendor.id).firstOrFail()
    assert.notEqual(revision.data.logoPath, 'logos/public.png')
    disk.assertExists(revision.data.logoPath!)

    const profile = await client.get(urlFor('vendors.show', { slug: vendor.slug }))
    profile.assertTextIncludes(`src="${logoUrl('logos/public.png')}"`)
  })

  test('removing the logo of a draft deletes the file', async ({ client, assert }) => {
    const { vendor, owner } = await ownedVendor({
      status: 'draft',
      attributes: { logoPath: 'logos/weg.png' },
    })
    await drive.use().put('logos/weg.png', await png(10, 10))

    const response = await client
      .delete(urlFor('account.vendors.logo.destroy', { id: vendor.id }))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)

    response.assertFlashMessage('notice', 'Das Logo ist entfernt.')
    await vendor.refresh()
    assert.isNull(vendor.logoPath)
    disk.assertMissing('logos/weg.png')
  })
})
